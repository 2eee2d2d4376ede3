// 年度预算: the budget of each programme and year within a jurisdiction, with what approved batches
// commit and what remains (approval of a batch beyond it is refused). Finance sets or adjusts a budget;
// it can never go below what is committed. Amounts are typed in yuan and sent as integer fen.
import { PlusOutlined } from '@ant-design/icons';
import { Permission } from '@renkou/core';
import { Alert, App, Button, Col, Form, Input, InputNumber, Modal, Row, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../lib/i18n';
import { useCan, useCurrentSession } from '../../lib/session';
import { useRequest } from '../../lib/useRequest';
import { listBudgets, listProgrammes, setBudget, type Budget } from './api';
import { fenFromYuanText, formatFen, programmeLabel } from './labels';
import { ProgrammeItem, YearInput, YuanItem } from './inputs';
import { useRefusal } from './use-refusal';

interface BudgetValues {
  programmeCode: string;
  year: number;
  jurisdiction: string;
  amount: string;
  document?: string;
}

export function BudgetsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refused = useRefusal();
  const { user } = useCurrentSession();
  const canSet = useCan(Permission.PaymentManage);
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<BudgetValues>();
  const programmes = useRequest((signal) => listProgrammes(signal), 'programmes');
  const budgets = useRequest((signal) => listBudgets({ year }, signal), String(year));

  const open = (budget?: Budget) => {
    form.setFieldsValue(
      budget
        ? {
            programmeCode: budget.programmeCode,
            year: budget.year,
            jurisdiction: budget.scopeCode,
            amount: formatFen(budget.amountFen).replace('¥', '').replaceAll(',', ''),
            document: budget.document ?? undefined,
          }
        : { year, jurisdiction: user.scope },
    );
    setEditing(true);
  };

  const save = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setSaving(true);
    try {
      await setBudget({
        programmeCode: values.programmeCode,
        year: values.year,
        jurisdiction: values.jurisdiction,
        amountFen: fenFromYuanText(values.amount)!,
        ...(values.document ? { document: values.document } : {}),
      });
      void message.success(t('benefit.budget.saved'));
      setEditing(false);
      budgets.reload();
    } catch (error) {
      refused(error, t('benefit.budget.set'));
    } finally {
      setSaving(false);
    }
  };

  const columns: ColumnsType<Budget> = [
    {
      title: t('benefit.programme'),
      dataIndex: 'programmeCode',
      render: (v: string) => programmeLabel(programmes.data, v),
    },
    { title: t('benefit.budget.year'), dataIndex: 'year', width: 80 },
    { title: t('benefit.jurisdiction'), dataIndex: 'scopeCode', width: 130 },
    {
      title: t('benefit.budget.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (v: number) => formatFen(v),
    },
    {
      title: t('benefit.budget.committed'),
      dataIndex: 'committedFen',
      align: 'right',
      render: (v: number) => formatFen(v),
    },
    {
      title: t('benefit.budget.remaining'),
      dataIndex: 'remainingFen',
      align: 'right',
      render: (v: number) => <span data-testid="budget-remaining">{formatFen(v)}</span>,
    },
    { title: t('benefit.budget.document'), dataIndex: 'document', render: (v: string | null) => v ?? '—' },
    {
      title: '',
      key: 'edit',
      width: 80,
      render: (_v, b) =>
        canSet && (
          <Button size="small" onClick={() => open(b)}>
            {t('benefit.budget.adjust')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.benefitBudgets')}
        extra={
          canSet && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open()} data-testid="budget-new">
              {t('benefit.budget.set')}
            </Button>
          )
        }
      />
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={12} sm={6} lg={3}>
          <YearInput value={year} onChange={(v) => v && setYear(v)} />
        </Col>
      </Row>
      {budgets.error && <Alert type="error" showIcon message={budgets.error} style={{ marginBottom: 12 }} />}
      <Alert type="info" showIcon message={t('benefit.budget.hint')} style={{ marginBottom: 12 }} />
      <Table
        size="small"
        rowKey={(b) => `${b.programmeCode}|${b.year}|${b.scopeCode}`}
        columns={columns}
        dataSource={budgets.data ?? []}
        loading={budgets.loading}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('benefit.budget.none') }}
        data-testid="budget-table"
      />
      <Modal
        open={editing}
        title={t('benefit.budget.set')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => setEditing(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <ProgrammeItem programmes={programmes.data ?? []} />
          <Form.Item name="year" label={t('benefit.budget.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="jurisdiction" label={t('benefit.jurisdiction')} rules={[{ required: true }]}>
            <JurisdictionSelect />
          </Form.Item>
          <YuanItem name="amount" label={t('benefit.budget.amount')} placeholder="1000000.00" />
          <Form.Item name="document" label={t('benefit.budget.document')}>
            <Input maxLength={200} placeholder="拜财社〔2026〕1号" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
