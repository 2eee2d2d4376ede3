// Import steps 3 and 4: the progress of a running import (asked every second), then the result with
// counts, the problems by row and the report to download.
import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Progress,
  Result,
  Row,
  Segmented,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { errorMessage, isAbort } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { ImportProblem, ImportStatus } from '../../lib/types';
import { useRequest } from '../../lib/useRequest';
import { importProblems, importStatus, reportUrl } from './api';
import { codeLabel } from './labels';

const POLL_MS = 1000;
const PAGE_SIZE = 20;

/** The import's status, asked again every second while it runs. */
export function useImportStatus(id: string) {
  const [status, setStatus] = useState<ImportStatus>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!id) return undefined;
    const controller = new AbortController();
    let timer = 0;
    const poll = () => {
      importStatus(id, controller.signal).then(
        (s) => {
          setStatus(s);
          setError(undefined);
          if (s.status === 'running') timer = window.setTimeout(poll, POLL_MS);
        },
        (e: unknown) => {
          if (isAbort(e) || controller.signal.aborted) return;
          setError(errorMessage(e));
          timer = window.setTimeout(poll, POLL_MS * 3);
        },
      );
    };
    poll();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [id]);
  return { status, error };
}

export function ImportRunning({ status, error }: { status: ImportStatus | undefined; error?: string }) {
  const { t } = useI18n();
  const progress = status?.progress;
  return (
    <Flex vertical gap={12} data-testid="import-progress" style={{ maxWidth: 640 }}>
      <Progress percent={100} status="active" showInfo={false} />
      <Typography.Text>
        {progress
          ? t('import.running', { file: progress.file, rows: formatNumber(progress.rows) })
          : t('import.starting')}
      </Typography.Text>
      <Typography.Text type="secondary">{t('import.leave')}</Typography.Text>
      {error && <Alert type="warning" showIcon message={error} />}
    </Flex>
  );
}

export function ImportResult({ status, onAgain }: { status: ImportStatus; onAgain: () => void }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [severity, setSeverity] = useState('');
  const problems = useRequest(
    (signal) =>
      importProblems(status.id, { page, pageSize: PAGE_SIZE, ...(severity ? { severity } : {}) }, signal),
    `${status.id}|${page}|${severity}`,
  );
  const counts = status.counts;
  const columns: ColumnsType<ImportProblem> = [
    { title: t('import.file'), dataIndex: 'file', width: 120, responsive: ['md'] },
    { title: t('import.row'), dataIndex: 'row', width: 70 },
    {
      title: t('import.severity'),
      dataIndex: 'severity',
      width: 70,
      render: (v: string) => (
        <Tag color={v === 'error' ? 'red' : 'orange'}>{codeLabel(t, 'import.severity', v)}</Tag>
      ),
    },
    { title: t('import.field'), dataIndex: 'field', width: 120 },
    { title: t('import.reason'), dataIndex: 'message' },
  ];
  return (
    <Flex vertical gap={12} data-testid="import-result">
      <Result
        style={{ padding: '8px 0' }}
        status={status.status === 'done' ? 'success' : 'error'}
        title={status.status === 'done' ? t('import.done') : t('import.failed')}
        subTitle={status.failure ?? undefined}
        extra={[
          <a key="report" href={reportUrl(status.id)} download>
            <Button icon={<DownloadOutlined />}>{t('import.report')}</Button>
          </a>,
          <Button key="again" type="primary" onClick={onAgain}>
            {t('import.again')}
          </Button>,
        ]}
      />
      {counts && (
        <Row gutter={[12, 12]}>
          {(['accepted', 'rejected', 'unchanged', 'warnings'] as const).map((k) => (
            <Col key={k} xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t(`import.${k}`)}
                  value={formatNumber(counts[k])}
                  valueStyle={k === 'rejected' && counts[k] > 0 ? { color: '#cf1322' } : undefined}
                />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Card
        size="small"
        title={t('import.problems')}
        extra={
          <Segmented
            value={severity}
            onChange={(v) => {
              setSeverity(String(v));
              setPage(1);
            }}
            options={[
              { value: '', label: t('import.severity.all') },
              { value: 'error', label: t('import.severity.error') },
              { value: 'warning', label: t('import.severity.warning') },
            ]}
          />
        }
      >
        <Table<ImportProblem>
          size="small"
          rowKey={(p) => `${p.file}|${p.row}|${p.field}|${p.code}`}
          columns={columns}
          dataSource={problems.data?.items ?? []}
          loading={problems.loading}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: problems.error ?? t('import.noProblems') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: problems.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('common.total', { n }),
            onChange: setPage,
          }}
        />
      </Card>
    </Flex>
  );
}
