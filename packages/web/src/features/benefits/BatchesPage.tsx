// 发放批次: build a batch for a period within a budget (over budget is refused), approve its funds
// (not by whoever built it), download the bank file (not by whoever approved it) and import the bank's
// result file (a wrong file is refused whole with a report; failed lines go to a follow-up batch).
import { CloudUploadOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Permission } from '@renkou/core';
import {
  Alert,
  App,
  Button,
  Col,
  Form,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useIsMobile } from '../../lib/responsive';
import { useCan } from '../../lib/session';
import { useRequest } from '../../lib/useRequest';
import {
  approveBatch,
  buildBatch,
  exportBankFile,
  getBatch,
  importBankResults,
  listBatches,
  listProgrammes,
  type BankFormat,
  type Batch,
} from './api';
import { BatchBuildForm, type BuildValues } from './BatchBuildForm';
import { BatchDrawer, BatchStatusTag } from './BatchDrawer';
import { CardList } from './CardList';
import { ScopeFilter } from './inputs';
import { base64Of, saveFile } from './save-text';
import { useRefusal } from './use-refusal';
import { fenFromYuanText, formatFen, programmeLabel } from './labels';

/** Sent to the bank, waiting for its result file ('released' in the core's words). */
const EXPORTED = ['exported', 'released'];

export function BatchesPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const { message, modal } = App.useApp();
  const refused = useRefusal();
  const canPay = useCan(Permission.PaymentManage);
  const [params, setParams] = useSearchParams();
  const programme = params.get('programme') ?? '';
  const jurisdiction = params.get('jurisdiction') ?? '';
  const [building, setBuilding] = useState(false);
  const [busy, setBusy] = useState<string>();
  const [openId, setOpenId] = useState<string>();
  const [bankFormat, setBankFormat] = useState<BankFormat>('csv');
  const [form] = Form.useForm<BuildValues>();
  const programmes = useRequest((signal) => listProgrammes(signal), 'programmes');
  const query = { programme: programme || undefined, jurisdiction: jurisdiction || undefined };
  const batches = useRequest((signal) => listBatches(query, signal), JSON.stringify(query));
  const detail = useRequest((signal) => getBatch(openId!, signal), openId ?? '', openId !== undefined);
  const programmeName = (code: string) => programmeLabel(programmes.data, code);

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const build = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setBusy('build');
    try {
      const built = await buildBatch({
        programmeCode: values.programmeCode,
        period: values.period.trim(),
        budgetFen: fenFromYuanText(values.budget)!,
        ...(values.jurisdiction ? { jurisdiction: values.jurisdiction } : {}),
      });
      setBuilding(false);
      form.resetFields();
      modal.success({
        title: t('benefit.batch.built', {
          n: formatNumber(built.lineCount),
          total: formatFen(built.totalFen),
        }),
        content: (
          <>
            {built.alreadyInBatches > 0 && <p>{t('benefit.batch.already', { n: built.alreadyInBatches })}</p>}
            {built.held.length > 0 && (
              <>
                <p>{t('benefit.batch.held', { n: built.held.length })}</p>
                <ul style={{ paddingInlineStart: 18, maxHeight: 240, overflow: 'auto' }}>
                  {built.held.map((h) => (
                    <li key={h.personKey}>
                      {h.personKey}：{h.reason}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        ),
      });
      batches.reload();
    } catch (error) {
      refused(error, t('benefit.batch.build'));
    } finally {
      setBusy(undefined);
    }
  };

  const approve = async (batch: Batch) => {
    setBusy(`approve-${batch.id}`);
    try {
      await approveBatch(batch.id);
      void message.success(t('benefit.batch.approved'));
      batches.reload();
    } catch (error) {
      refused(error, t('benefit.batch.approve'));
    } finally {
      setBusy(undefined);
    }
  };

  const download = async (batch: Batch) => {
    setBusy(`file-${batch.id}`);
    try {
      const file = await exportBankFile(batch.id, bankFormat);
      saveFile(file);
      void message.success(
        t('benefit.batch.downloaded', { n: formatNumber(file.lineCount), total: formatFen(file.totalFen) }),
      );
      batches.reload();
    } catch (error) {
      refused(error, t('benefit.batch.bankFile'));
    } finally {
      setBusy(undefined);
    }
  };

  const upload = async (batch: Batch, file: File) => {
    setBusy(`results-${batch.id}`);
    try {
      // The format follows the file: an .xlsx travels as base64, anything else as CSV text.
      const xlsx = file.name.toLowerCase().endsWith('.xlsx');
      const content = xlsx ? await base64Of(file) : await file.text();
      const result = await importBankResults(batch.id, {
        fileName: file.name,
        content,
        ...(xlsx ? { format: 'xlsx' } : {}),
      });
      modal.success({
        title: t('benefit.batch.bankResults'),
        content: (
          <>
            <p data-testid="bank-results-summary">
              {t('benefit.batch.resultsImported', {
                paid: result.paid,
                paidTotal: formatFen(result.paidFen),
                failed: result.failed,
                failedTotal: formatFen(result.failedFen),
              })}
            </p>
            {result.followUpBatchId && <p>{t('benefit.batch.followUpCreated')}</p>}
          </>
        ),
      });
      batches.reload();
    } catch (error) {
      refused(error, t('benefit.batch.rejectedFile'));
    } finally {
      setBusy(undefined);
    }
  };

  const statusTag = (b: Batch) => <BatchStatusTag batch={b} />;

  const actions = (b: Batch) => (
    <Space size={4} wrap onClick={(e) => e.stopPropagation()}>
      <Button size="small" onClick={() => setOpenId(b.id)}>
        {t('benefit.open')}
      </Button>
      {canPay && b.status === 'draft' && (
        <Popconfirm
          title={t('benefit.batch.approveConfirm')}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() => approve(b)}
        >
          <Button
            size="small"
            type="primary"
            loading={busy === `approve-${b.id}`}
            data-testid="batch-approve"
          >
            {t('benefit.batch.approve')}
          </Button>
        </Popconfirm>
      )}
      {canPay && (b.status === 'approved' || EXPORTED.includes(b.status)) && (
        <Button
          size="small"
          icon={<DownloadOutlined />}
          loading={busy === `file-${b.id}`}
          onClick={() => void download(b)}
          data-testid="batch-bank-file"
        >
          {t('benefit.batch.bankFile')}
        </Button>
      )}
      {canPay && EXPORTED.includes(b.status) && (
        <Upload
          accept=".csv,.txt,.xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(b, file);
            return false;
          }}
        >
          <Button
            size="small"
            icon={<CloudUploadOutlined />}
            loading={busy === `results-${b.id}`}
            data-testid="batch-bank-results"
          >
            {t('benefit.batch.bankResults')}
          </Button>
        </Upload>
      )}
    </Space>
  );

  const columns: ColumnsType<Batch> = [
    {
      title: t('benefit.programme'),
      dataIndex: 'programmeCode',
      width: 90,
      render: (v: string) => programmeName(v),
    },
    {
      title: t('benefit.batch.period'),
      dataIndex: 'period',
      width: 90,
      render: (v: string, b) => (
        <>
          {v} {b.followUpOf && <Tag>{t('benefit.batch.followUp')}</Tag>}
        </>
      ),
    },
    { title: t('benefit.batch.scope'), dataIndex: 'scopeCode', width: 120 },
    { title: t('benefit.status'), key: 'status', width: 90, render: (_v, b) => statusTag(b) },
    {
      title: t('benefit.batch.lines'),
      dataIndex: 'lineCount',
      width: 80,
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('benefit.batch.total'),
      dataIndex: 'totalFen',
      width: 130,
      align: 'right',
      render: (v: number) => formatFen(v),
    },
    {
      title: t('benefit.batch.budgetShort'),
      dataIndex: 'budgetFen',
      width: 130,
      align: 'right',
      render: (v: number) => formatFen(v),
    },
    { title: t('common.actions'), key: 'actions', render: (_v, b) => actions(b) },
  ];

  const opened = openId !== undefined && detail.data?.id === openId ? detail.data : undefined;

  return (
    <>
      <PageHeader
        title={t('nav.benefitBatches')}
        extra={
          canPay && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setBuilding(true)}
              data-testid="batch-build"
            >
              {t('benefit.batch.build')}
            </Button>
          )
        }
      />
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} sm={12} lg={6}>
          <ScopeFilter value={jurisdiction} onChange={(v) => setFilter('jurisdiction', v)} />
        </Col>
        <Col xs={24} sm={12} lg={4}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('benefit.allProgrammes')}
            value={programme || undefined}
            onChange={(v?: string) => setFilter('programme', v ?? '')}
            options={(programmes.data ?? []).map((p) => ({ value: p.code, label: p.shortName }))}
          />
        </Col>
        {canPay && (
          <Col xs={24} sm={12} lg={4}>
            <Select<BankFormat>
              style={{ width: '100%' }}
              value={bankFormat}
              onChange={setBankFormat}
              options={[
                { value: 'csv', label: t('benefit.batch.formatCsv') },
                { value: 'xlsx', label: t('benefit.batch.formatXlsx') },
              ]}
              data-testid="batch-bank-format"
            />
          </Col>
        )}
      </Row>
      {batches.error && <Alert type="error" showIcon message={batches.error} style={{ marginBottom: 12 }} />}
      {mobile ? (
        <CardList
          testId="batch-table"
          cardTestId="batch-row"
          items={batches.data ?? []}
          rowKey={(b) => b.id}
          loading={batches.loading}
          emptyText={t('benefit.batch.none')}
          render={(b) => (
            <>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Typography.Text strong>
                  {programmeName(b.programmeCode)} · {b.period}
                </Typography.Text>
                {statusTag(b)}
              </div>
              <Typography.Text type="secondary">
                {b.scopeCode} · {formatNumber(b.lineCount)} · {formatFen(b.totalFen)} /{' '}
                {formatFen(b.budgetFen)}
              </Typography.Text>
              <div style={{ marginTop: 4 }}>{actions(b)}</div>
            </>
          )}
        />
      ) : (
        <Table<Batch>
          data-testid="batch-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={batches.data ?? []}
          loading={batches.loading}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('benefit.batch.none') }}
          onRow={(b) => ({ 'data-testid': 'batch-row', 'data-key': b.id }) as object}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        />
      )}

      <Modal
        open={building}
        title={t('benefit.batch.build')}
        okText={t('benefit.batch.build')}
        cancelText={t('common.cancel')}
        confirmLoading={busy === 'build'}
        onOk={() => void build()}
        onCancel={() => setBuilding(false)}
        destroyOnClose
      >
        <BatchBuildForm form={form} programmes={programmes.data ?? []} />
      </Modal>

      <BatchDrawer
        open={openId !== undefined}
        onClose={() => setOpenId(undefined)}
        batch={opened}
        programmeName={opened ? programmeName(opened.programmeCode) : ''}
        loading={detail.loading}
        error={detail.error}
      />
    </>
  );
}
