// The linkable sources side by side (hospital births, civil-affairs deaths, police hukou rows): records
// imported, the last run's counts, a button to link again with its progress bar, and the upload of a
// new department file (all or nothing).
import { UploadOutlined } from '@ant-design/icons';
import { Permission, type LinkableSource, type RecordSourceInfo } from '@renkou/core';
import { Alert, App, Button, Card, Col, Progress, Row, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { useCan } from '../../lib/session';
import { importRecords, startLinkRun } from './api';
import { sourceLabel } from './sourceLabel';
import { runPercent, useLinkRun } from './useLinkRun';

function SourceCard({ source, onChanged }: { source: RecordSourceInfo; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const canWrite = useCan(Permission.PersonWrite);
  const [runId, setRunId] = useState<string>();
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<string>();
  const { run } = useLinkRun(runId, (finished) => {
    if (finished.status === 'done') void message.success(t('records.runDone'));
    else setFailure(t('records.runFailed', { reason: finished.failure ?? '' }));
    onChanged();
  });
  const last = source.lastRun;
  const running = run?.status === 'running' || last?.status === 'running';

  const start = async () => {
    setStarting(true);
    setFailure(undefined);
    try {
      setRunId((await startLinkRun(source.name as LinkableSource)).runId);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setStarting(false);
    }
  };

  const upload = async (file: File) => {
    try {
      const result = await importRecords(source.name, file);
      if (result.status === 'done')
        void message.success(t('records.importDone', { added: result.added, unchanged: result.unchanged }));
      else
        setFailure(
          `${t('records.importRejected', { n: result.problems.length })}：${result.problems
            .slice(0, 5)
            .map((p) => `第 ${p.row} 行 ${p.field}：${p.message}`)
            .join('；')}`,
        );
      onChanged();
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };

  return (
    <Card
      size="small"
      title={sourceLabel(i18n, source.name)}
      data-testid="records-source"
      data-source={source.name}
      extra={
        canWrite && (
          <Space>
            <Upload
              accept=".csv,.xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button size="small" icon={<UploadOutlined />}>
                {t('records.import')}
              </Button>
            </Upload>
            <Button
              size="small"
              type="primary"
              loading={starting || running}
              disabled={source.records === 0}
              onClick={() => void start()}
              data-testid="records-run"
            >
              {t('records.run')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {t('records.records', { n: formatNumber(source.records) })}
      </Typography.Paragraph>
      <Typography.Text type="secondary">
        {last && last.status === 'done'
          ? t('records.lastRun', {
              at: formatDateTime(last.finishedAt ?? last.startedAt),
              match: formatNumber(last.counts.autoMatch ?? 0),
              review: formatNumber(last.counts.review ?? 0),
              none: formatNumber(last.counts.nonMatch ?? 0),
            })
          : t('records.neverLinked')}
      </Typography.Text>
      {run?.status === 'running' && (
        <div data-testid="records-progress">
          <Progress percent={runPercent(run)} status="active" />
          <Typography.Text type="secondary">
            {t(`records.stage.${run.progress.stage}` as MessageKey)}
          </Typography.Text>
        </div>
      )}
      {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 8 }} />}
    </Card>
  );
}

export function LinkRunPanel({ sources, onChanged }: { sources: RecordSourceInfo[]; onChanged: () => void }) {
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {sources
        .filter((s) => s.linkable)
        .map((source) => (
          <Col xs={24} md={12} xl={8} key={source.name}>
            <SourceCard source={source} onChanged={onChanged} />
          </Col>
        ))}
    </Row>
  );
}
