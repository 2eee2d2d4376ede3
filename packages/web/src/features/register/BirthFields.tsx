// 出生实名登记: mother (by ID number or name), father (optional), the child's name, sex and birth
// date, the 出生医学证明 number, the hukou village and the residence (by default the mother's).
import { DatePicker, Form, Input, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../lib/i18n';
import type { PersonSummary } from '../../lib/types';
import { PersonPicker } from './PersonPicker';
import { PlaceInput } from './PlaceInput';
import { SexField } from './SexField';

/** Defaults taken from the mother when she is chosen. */
export function motherDefaults(mother: PersonSummary & { ethnicity?: string | null }) {
  return {
    mother_id: mother.personKey,
    residence_code: mother.residenceCode,
    hukou_code: mother.hukouCode,
    ...(mother.ethnicity ? { ethnicity: mother.ethnicity } : {}),
  };
}

export function BirthFields({ form, mother }: { form: FormInstance; mother?: PersonSummary }) {
  const { t } = useI18n();
  const required = [{ required: true, message: t('form.required') }];
  return (
    <>
      <Form.Item name="mother_id" label={t('form.mother')} rules={required}>
        <PersonPicker
          sex={2}
          initial={mother}
          data-testid="birth-mother-search"
          optionTestId="birth-mother-option"
          onChange={(_key, person) => {
            if (person) form.setFieldsValue(motherDefaults(person));
          }}
        />
      </Form.Item>
      <Form.Item name="father_id" label={t('form.father')}>
        <PersonPicker
          sex={1}
          allowClear
          data-testid="birth-father-search"
          optionTestId="birth-father-option"
        />
      </Form.Item>
      <Form.Item name="name" label={t('form.childName')} rules={[{ ...required[0], whitespace: true }]}>
        <Input maxLength={50} autoComplete="off" data-testid="birth-name" />
      </Form.Item>
      <SexField testId="birth-sex" />
      <Form.Item name="date" label={t('form.date.birth')} rules={required}>
        <DatePicker
          style={{ width: '100%' }}
          placeholder={t('form.pickDate')}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          data-testid="birth-date"
        />
      </Form.Item>
      <Form.Item name="birth_cert_no" label={t('form.birthCertNo')}>
        <Input maxLength={30} autoComplete="off" data-testid="birth-cert-no" />
      </Form.Item>
      <Form.Item name="hukou_code" label={t('form.hukouCode')} rules={required}>
        <PlaceInput data-testid="birth-hukou" />
      </Form.Item>
      <Form.Item name="residence_code" label={t('form.residenceCode')} extra={t('form.residenceHelp')}>
        <PlaceInput data-testid="birth-residence" />
      </Form.Item>
      <Form.Item name="ethnicity" label={t('person.ethnicity')}>
        <Input maxLength={2} inputMode="numeric" style={{ maxWidth: 120 }} placeholder="01" />
      </Form.Item>
    </>
  );
}
