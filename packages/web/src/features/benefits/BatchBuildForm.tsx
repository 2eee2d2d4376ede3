// The form of a new payment batch: programme, period (a month or a year), jurisdiction, budget in yuan.
import { Form, Input, type FormInstance } from 'antd';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { useI18n } from '../../lib/i18n';
import type { Programme } from './api';
import { ProgrammeItem, YuanItem } from './inputs';

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
      <ProgrammeItem programmes={programmes} />
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
      <YuanItem name="budget" label={t('benefit.batch.budget')} placeholder="100000.00" />
    </Form>
  );
}
