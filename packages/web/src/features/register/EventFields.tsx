// The fields of the other event forms: death, move and hukou, marriage and divorce, correction, void.
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { TimelineEntry } from '../../lib/types';
import { codeLabel, eventLabel, sexLabel, type EventFormType } from './labels';
import { PersonPicker } from './PersonPicker';
import { PlaceInput } from './PlaceInput';

export const CORRECTION_FIELDS = [
  'name',
  'sex',
  'birth_date',
  'id_number',
  'ethnicity',
  'hukou_type',
  'marital_status',
  'duplicate_of',
] as const;

const fieldLabelKeys = {
  name: 'person.name',
  sex: 'person.sex',
  birth_date: 'person.birthDate',
  id_number: 'person.idNumber',
  ethnicity: 'person.ethnicity',
  hukou_type: 'person.hukouType',
  marital_status: 'person.maritalStatus',
  duplicate_of: 'person.duplicateOf',
} as const;

export function DateField({ type }: { type: EventFormType }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="date"
      label={t(`form.date.${type}`)}
      rules={[{ required: true, message: t('form.required') }]}
    >
      <DatePicker
        style={{ width: '100%' }}
        placeholder={t('form.pickDate')}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        data-testid="event-date"
      />
    </Form.Item>
  );
}

interface ControlProps {
  id?: string;
  value?: string;
  onChange?: (value: unknown) => void;
}

/** The new value's control, by the field corrected; Form.Item's id, value and onChange pass through. */
function CorrectionValue({ field, ...control }: ControlProps & { field: string | undefined }) {
  const { t } = useI18n();
  const options = (prefix: string, codes: string[]) =>
    codes.map((c) => ({ value: c, label: codeLabel(t, prefix, c) }));
  switch (field) {
    case 'sex':
      return <Select {...control} options={['1', '2'].map((v) => ({ value: v, label: sexLabel(t, v) }))} />;
    case 'hukou_type':
      return (
        <Select
          {...control}
          options={options('hukouType', ['agricultural', 'non_agricultural', 'resident'])}
        />
      );
    case 'marital_status':
      return <Select {...control} options={options('marital', ['10', '20', '30', '40', '90'])} />;
    case 'birth_date':
      return <Input {...control} placeholder="YYYY-MM-DD" maxLength={10} inputMode="numeric" />;
    case 'duplicate_of':
      return <Input {...control} placeholder={t('form.duplicateOfHint')} maxLength={64} autoComplete="off" />;
    default:
      return <Input {...control} maxLength={50} autoComplete="off" />;
  }
}

export function EventFields({
  type,
  timeline,
  arriving = false,
}: {
  type: EventFormType;
  timeline: TimelineEntry[];
  /** A newcomer's move or hukou: they come from outside the county. */
  arriving?: boolean;
}) {
  const { t } = useI18n();
  const required = [{ required: true, message: t('form.required') }];
  const form = Form.useFormInstance();
  const field = Form.useWatch<string | undefined>('field', form);
  switch (type) {
    case 'birth':
      return null;
    case 'death':
      return (
        <Form.Item name="cause" label={t('form.cause')}>
          <Input maxLength={100} />
        </Form.Item>
      );
    case 'move':
    case 'hukou':
      return (
        <>
          <Form.Item
            name="from_code"
            label={t('form.fromCode')}
            rules={required}
            extra={arriving ? t('form.arrivalFrom') : undefined}
          >
            {/* Remounted on a switch, so a newcomer's origin starts as a typed code. */}
            <PlaceInput
              key={arriving ? 'arrival' : 'known'}
              allowOutside
              startOutside={arriving}
              data-testid="event-from-code"
            />
          </Form.Item>
          <Form.Item name="to_code" label={t('form.toCode')} rules={required}>
            <PlaceInput allowOutside data-testid="event-to-code" />
          </Form.Item>
        </>
      );
    case 'marriage':
    case 'divorce':
      return (
        <Form.Item name="spouse_id" label={t('form.spouse')} rules={required}>
          <PersonPicker data-testid="event-spouse" />
        </Form.Item>
      );
    case 'correction':
      return (
        <>
          <Form.Item name="field" label={t('form.field')} rules={required}>
            <Select
              onChange={() => form.setFieldValue('value', undefined)}
              options={CORRECTION_FIELDS.map((f) => ({ value: f, label: t(fieldLabelKeys[f]) }))}
            />
          </Form.Item>
          {/* An empty duplicate_of undoes a merge. */}
          <Form.Item name="value" label={t('form.value')} rules={field === 'duplicate_of' ? [] : required}>
            <CorrectionValue field={field} />
          </Form.Item>
          <Form.Item name="reason" label={t('form.reason')} rules={[{ ...required[0], whitespace: true }]}>
            <Input.TextArea maxLength={200} rows={2} placeholder={t('form.reasonHelp')} />
          </Form.Item>
        </>
      );
    case 'void':
      return (
        <>
          <Form.Item name="target_event_id" label={t('form.target')} rules={required}>
            <Select
              options={timeline
                .filter((e) => !e.voided && e.type !== 'void' && e.role === 'subject')
                .map((e) => ({
                  value: e.eventId,
                  label: `${formatDate(e.date)} ${eventLabel(t, e.type)}：${e.summary}`,
                }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('form.reason')} rules={[{ ...required[0], whitespace: true }]}>
            <Input.TextArea maxLength={200} rows={2} />
          </Form.Item>
        </>
      );
  }
}
