// The sex of a person a form creates (a newborn, a newcomer): two buttons, named as the events.csv column.
import { Form, Radio } from 'antd';
import { useI18n } from '../../lib/i18n';
import { sexLabel } from './labels';

export function SexField({ testId }: { testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name="sex" label={t('person.sex')} rules={[{ required: true, message: t('form.required') }]}>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        data-testid={testId}
        options={['1', '2'].map((v) => ({ value: v, label: sexLabel(t, v) }))}
      />
    </Form.Item>
  );
}
