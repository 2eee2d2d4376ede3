// Inputs several benefits pages share: the jurisdiction filter, a year picker, and the form fields of
// a programme and of a required amount in yuan (checked as fen).
import { Form, Input, InputNumber, Select } from 'antd';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { useI18n } from '../../lib/i18n';
import type { Programme } from './api';
import { fenFromYuanText } from './labels';

/** Empty: the user's own scope. Clearing it remounts the tree, which drops its search. */
export function ScopeFilter(props: {
  value: string;
  onChange: (code: string) => void;
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  return (
    <JurisdictionSelect
      key={props.value === '' ? 'all' : 'some'}
      value={props.value || undefined}
      onChange={props.onChange}
      placeholder={t('benefit.ownScope')}
      data-testid={props['data-testid']}
    />
  );
}

export function YearInput({ value, onChange }: { value: number; onChange: (year: number | null) => void }) {
  const { t } = useI18n();
  return (
    <InputNumber
      style={{ width: '100%' }}
      min={2000}
      max={2100}
      value={value}
      onChange={onChange}
      addonAfter={t('benefit.dashboard.yearUnit')}
    />
  );
}

/** A form field of an amount in yuan with up to two decimals ("1000000.00"). */
export function YuanItem({ name, label, placeholder }: { name: string; label: string; placeholder: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[
        {
          required: true,
          validator: async (_rule, value: string | undefined) => {
            if (fenFromYuanText(value ?? '') === undefined) throw new Error(t('benefit.batch.budgetInvalid'));
          },
        },
      ]}
    >
      <Input prefix="¥" inputMode="decimal" placeholder={placeholder} />
    </Form.Item>
  );
}

/** The required programme of a form, named in full. */
export function ProgrammeItem({ programmes }: { programmes: readonly Programme[] }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="programmeCode"
      label={t('benefit.programme')}
      rules={[{ required: true, message: t('benefit.pickProgramme') }]}
    >
      <Select options={programmes.map((p) => ({ value: p.code, label: `${p.shortName}（${p.name}）` }))} />
    </Form.Item>
  );
}
