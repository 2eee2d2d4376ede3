// A newcomer from outside the county (move or hukou): the register does not know them yet, so the form
// asks who they are instead of picking them. The server gives them a key made from the event's.
import { Form, Input, Radio } from 'antd';
import { useI18n } from '../../lib/i18n';
import { SexField } from './SexField';

export type SubjectMode = 'known' | 'arrival';

/** The columns ArrivalFields fills, cleared when the clerk switches back to a register person. */
export const ARRIVAL_FIELDS = ['name', 'sex', 'birth_date', 'id_number', 'ethnicity'] as const;

/** Who the move or hukou form is about: someone in the register, or a newcomer from outside. */
export function SubjectModeSwitch({
  value,
  onChange,
}: {
  value: SubjectMode;
  onChange: (mode: SubjectMode) => void;
}) {
  const { t } = useI18n();
  return (
    <Form.Item label={t('form.subjectMode')}>
      <Radio.Group
        optionType="button"
        value={value}
        onChange={(e) => onChange(e.target.value as SubjectMode)}
        data-testid="subject-mode"
        options={[
          { value: 'known', label: t('form.subjectKnown') },
          { value: 'arrival', label: t('form.subjectArrival') },
        ]}
      />
    </Form.Item>
  );
}

/** The newcomer's own fields, named as the events.csv columns of an arrival. */
export function ArrivalFields() {
  const { t } = useI18n();
  const required = [{ required: true, message: t('form.required') }];
  return (
    <>
      <Form.Item name="name" label={t('person.name')} rules={[{ ...required[0], whitespace: true }]}>
        <Input maxLength={50} autoComplete="off" data-testid="arrival-name" />
      </Form.Item>
      <SexField testId="arrival-sex" />
      <Form.Item
        name="birth_date"
        label={t('person.birthDate')}
        rules={[...required, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('form.dateRule') }]}
      >
        <Input maxLength={10} placeholder="YYYY-MM-DD" autoComplete="off" data-testid="arrival-birth-date" />
      </Form.Item>
      <Form.Item name="id_number" label={t('form.idNumber')} extra={t('form.arrivalIdHelp')}>
        <Input maxLength={18} autoComplete="off" data-testid="arrival-id-number" />
      </Form.Item>
      <Form.Item name="ethnicity" label={t('person.ethnicity')}>
        <Input maxLength={2} inputMode="numeric" style={{ maxWidth: 120 }} placeholder="01" />
      </Form.Item>
    </>
  );
}
