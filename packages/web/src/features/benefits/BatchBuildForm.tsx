// The form of a new payment batch: programme, period (a month or a year), jurisdiction, budget in yuan.
import { Form, Input, Select, type FormInstance } from 'antd';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { useI18n } from '../../lib/i18n';
import type { Programme } from './api';
import { fenFromYuanText } from './labels';

export interface BuildValues {
  programmeCode: string;
  period: string;
  jurisdiction?: string;
  budget: string;
}

export function BatchBuildForm({
  form,
  programmes,
}: {
  form: FormInstance<BuildValues>;
  programmes: Programme[];
}) {
  const { t } = useI18n();
  return (
    <Form form={form} layout="vertical" preserve={false}>
      <Form.Item
        name="programmeCode"
        label={t('benefit.programme')}
        rules={[{ required: true, message: t('benefit.pickProgramme') }]}
      >
        <Select
          options={programmes.map((p) => ({
            value: p.code,
            label: `${p.shortName}（${p.name}）`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="period"
        label={t('benefit.batch.period')}
        extra={t('benefit.batch.periodHint')}
        rules={[
          {
            required: true,
            pattern: /^\s*\d{4}(-(0[1-9]|1[0-2]))?\s*$/,
            message: t('benefit.batch.periodInvalid'),
          },
        ]}
      >
        <Input placeholder="2026-11" />
      </Form.Item>
      <Form.Item name="jurisdiction" label={t('benefit.jurisdiction')}>
        <JurisdictionSelect placeholder={t('benefit.ownScope')} />
      </Form.Item>
      <Form.Item
        name="budget"
        label={t('benefit.batch.budget')}
        rules={[
          {
            required: true,
            validator: async (_rule, value: string | undefined) => {
              if (fenFromYuanText(value ?? '') === undefined)
                throw new Error(t('benefit.batch.budgetInvalid'));
            },
          },
        ]}
      >
        <Input prefix="¥" inputMode="decimal" placeholder="100000.00" />
      </Form.Item>
    </Form>
  );
}
