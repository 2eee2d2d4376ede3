// 重复登记: the register against itself. A county user starts the search (a background run with a
// progress bar); everyone sees the pairs of their own scope, most likely first, both records side by
// side with the weight of each comparison, and decides each pair in DuplicateDialog.
import { Permission, type DuplicateEntry, type DuplicateSide } from '@renkou/core';
import { Alert, App, Button, Progress, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { useCan, useSession } from '../../lib/session';
import { useRequest } from '../../lib/useRequest';
import { getDuplicates, startLinkRun } from './api';
import { COMPARISON_LABELS } from './comparisonLabels';
import { DuplicateDialog } from './DuplicateDialog';
import { ItemsTable, PAGE_SIZE } from './ItemsTable';
import { runPercent, useLinkRun } from './useLinkRun';

const SEX: Record<string, string> = { '1': '男', '2': '女' };

function Side({ side }: { side: DuplicateSide }) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" size={0}>
      <Link to={`/persons/${encodeURIComponent(side.personKey)}`}>
        {side.name}（{SEX[side.sex] ?? ''}，{side.birthDate}）
      </Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {side.idNumber || '—'} · {side.hukouCode}
        {side.status !== 'resident' && ` · ${t(`status.${side.status}` as MessageKey)}`}
      </Typography.Text>
    </Space>
  );
}

export function DuplicatesPanel({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { session } = useSession();
  // A run reads the whole county: the county's officers start it.
  const canRun = useCan(Permission.PersonWrite) && (session?.user.scope.length ?? 99) <= 6;
  const [page, setPage] = useState(1);
  const [resolving, setResolving] = useState<DuplicateEntry>();
  const [runId, setRunId] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const list = useRequest((signal) => getDuplicates(page, PAGE_SIZE, signal), `duplicates|${page}`);
  const { run } = useLinkRun(runId, (finished) => {
    if (finished.status === 'done') void message.success(t('records.runDone'));
    else setFailure(t('records.runFailed', { reason: finished.failure ?? '' }));
    list.reload();
    onChanged();
  });
  const running = run?.status === 'running';

  const start = async () => {
    setFailure(undefined);
    try {
      setRunId((await startLinkRun('register')).runId);
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };

  const columns: ColumnsType<DuplicateEntry> = [
    {
      title: t('records.probability'),
      width: 90,
      render: (_, e) => `${formatNumber(e.probability * 100, 1)}%`,
    },
    { title: t('records.recordA'), render: (_, e) => <Side side={e.a} /> },
    { title: t('records.recordB'), render: (_, e) => <Side side={e.b} /> },
    {
      title: t('records.comparisons'),
      render: (_, e) => (
        <Space size={[4, 4]} wrap>
          {e.comparisons.map((c) => (
            <Tag key={c.name} color={c.weight > 0 ? 'green' : c.weight < 0 ? 'red' : 'default'}>
              {COMPARISON_LABELS[c.name] ?? c.name} {c.level} {formatNumber(c.weight, 1)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      width: 90,
      render: (_, e) => (
        <Button size="small" onClick={() => setResolving(e)} data-testid="duplicate-open">
          {t('records.resolve')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('records.duplicatesHelp')}</Typography.Text>
        {canRun && (
          <Space wrap>
            <Button
              type="primary"
              onClick={() => void start()}
              loading={running}
              data-testid="duplicates-run"
            >
              {t('records.findDuplicates')}
            </Button>
            {run && (
              <Progress
                percent={runPercent(run)}
                size="small"
                style={{ width: 240 }}
                status={run.status === 'failed' ? 'exception' : running ? 'active' : 'success'}
                format={() => t(`records.stage.${run.progress.stage}` as MessageKey)}
              />
            )}
          </Space>
        )}
        {failure && <Alert type="error" showIcon message={failure} />}
        {list.error && <Alert type="error" showIcon message={list.error} />}
      </Space>
      <ItemsTable<DuplicateEntry>
        rowTestId="duplicate-row"
        columns={columns}
        loading={list.loading}
        data={list.data}
        page={page}
        onPage={setPage}
      />
      {resolving && (
        <DuplicateDialog
          entry={resolving}
          onClose={() => setResolving(undefined)}
          onResolved={() => {
            setResolving(undefined);
            list.reload();
            onChanged();
          }}
        />
      )}
    </>
  );
}
