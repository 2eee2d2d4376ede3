// 新增地区加发标准: a county officer raises a programme's amount for the county from a date, with the
// policy document it rests on. The programme's own schedules stay as they are; the server refuses an
// amount below the one already in force there, a region outside the officer's scope, a taken date.
import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { addSchedule, type Programme, type Schedule } from './api';
import { YuanItem } from './inputs';
import { fenFromYuanText } from './labels';
import { useRefusal } from './use-refusal';

interface TopUpValues {
  categoryCode: string;
  effectiveFrom: Dayjs;
  amount: string;
  source: string;
  note?: string;
}

const basisOf: Record<Programme['paymentPeriod'], Schedule['basis']> = {
  monthly: 'per_month',
  yearly: 'per_year',
  one_time: 'once',
};

export function TopUpModal(props: {
  programme: Programme;
  /** The officer's scope: the county (or province, city) the amount is for. */
  region: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { programme, region } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const refused = useRefusal();
  const [form] = Form.useForm<TopUpValues>();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setSaving(true);
    try {
      await addSchedule(programme.code, values.categoryCode, {
        effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'),
        amountFen: fenFromYuanText(values.amount)!,
        basis: basisOf[programme.paymentPeriod],
        source: values.source.trim(),
        verified: true,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        region,
      });
      void message.success(t('benefit.topUp.saved'));
      props.onSaved();
    } catch (error) {
      refused(error, t('benefit.topUp.add'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${programme.shortName} · ${t('benefit.topUp.add')}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('benefit.topUp.hint', { region })}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ categoryCode: programme.categories[0]?.code }}
      >
        <Form.Item name="categoryCode" label={t('benefit.category')} rules={[{ required: true }]}>
          <Select options={programme.categories.map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t('benefit.effectiveFrom')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <YuanItem name="amount" label={t('benefit.topUp.amount')} placeholder="700.00" />
        <Form.Item
          name="source"
          label={t('benefit.documentNumber')}
          rules={[{ required: true, whitespace: true, max: 500 }]}
        >
          <Input placeholder="拜城县人民政府〔2026〕3号" />
        </Form.Item>
        <Form.Item name="note" label={t('benefit.note')} rules={[{ max: 500 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
