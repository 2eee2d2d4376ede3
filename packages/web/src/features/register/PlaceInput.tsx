// A place of an event form: a division from the user's tree, or (for arrivals and departures) a
// division code outside it typed in directly.
import { Button, Flex, Input } from 'antd';
import { useState } from 'react';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { useI18n } from '../../lib/i18n';

export interface PlaceInputProps {
  value?: string;
  onChange?: (code: string) => void;
  /** Allow a code outside the user's tree (moves and hukou transfers). */
  allowOutside?: boolean;
  /** Start with the typed code (an arrival's origin lies outside). */
  startOutside?: boolean;
  id?: string;
  'data-testid'?: string;
}

export function PlaceInput({ value, onChange, allowOutside, startOutside, id, ...rest }: PlaceInputProps) {
  const { t } = useI18n();
  const [outside, setOutside] = useState(Boolean(startOutside));
  return (
    <Flex vertical gap={4}>
      {outside ? (
        <Input
          id={id}
          inputMode="numeric"
          maxLength={12}
          value={value}
          onChange={(e) => onChange?.(e.target.value.replace(/\D/g, ''))}
          placeholder={t('form.codeRule')}
          data-testid={rest['data-testid']}
        />
      ) : (
        <JurisdictionSelect id={id} value={value} onChange={onChange} data-testid={rest['data-testid']} />
      )}
      {allowOutside && (
        <Button
          type="link"
          size="small"
          style={{ alignSelf: 'flex-start', padding: 0 }}
          onClick={() => setOutside(!outside)}
        >
          {outside ? t('form.inside') : t('form.outside')}
        </Button>
      )}
    </Flex>
  );
}
