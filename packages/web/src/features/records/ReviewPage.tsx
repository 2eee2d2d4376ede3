// /records/review/:id — one pair between the thresholds: the department's record and the register's
// person side by side, each comparison's level and weight, and the verdict by keyboard: m = same
// person, n = not the same, s = skip to the next pair. The reason field starts with a plain default.
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  Result,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { errorMessage } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useRequest } from '../../lib/useRequest';
import { getPair, getWorklist, resolveItem, type Pair } from './api';
import { COMPARISON_LABELS } from './comparisonLabels';

const SEX: Record<string, string> = { '1': '男', '2': '女' };
const DEFAULT_REASON = { match: '人工核对：同一人', non_match: '人工核对：不是同一人' } as const;
/** Pairs skipped in this browser tab, so that s moves on instead of coming back. */
const skipped = new Set<string>();

function Sides({ pair }: { pair: Pair }) {
  const { t } = useI18n();
  const rows = [
    { field: t('records.name'), record: pair.record.name, register: pair.person?.name ?? '' },
    {
      field: t('records.sex'),
      record: SEX[pair.record.sex] ?? '',
      register: SEX[pair.person?.sex ?? ''] ?? '',
    },
    { field: t('records.birthDate'), record: pair.record.birthDate, register: pair.person?.birthDate ?? '' },
    { field: t('records.motherName'), record: pair.record.motherName, register: '' },
    {
      // A hukou row's place is the hukou; the other sources' is where the person lives.
      field: t('records.place'),
      record: pair.record.place ?? '',
      register: (pair.source === 'hukou' ? pair.person?.hukouCode : pair.person?.residenceCode) ?? '',
    },
  ];
  return (
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      data-testid="review-sides"
      dataSource={rows}
      columns={[
        { title: t('records.field'), dataIndex: 'field', width: 110 },
        { title: t('records.recordValue'), dataIndex: 'record', render: (v: string) => v || '—' },
        {
          title: t('records.registerValue'),
          dataIndex: 'register',
          render: (v: string, r) =>
            v && r.record && v !== r.record ? <Typography.Text mark>{v}</Typography.Text> : v || '—',
        },
      ]}
    />
  );
}

function Weights({ pair }: { pair: Pair }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="name"
      pagination={false}
      data-testid="review-weights"
      dataSource={pair.comparisons}
      columns={[
        {
          title: t('records.comparison'),
          dataIndex: 'name',
          render: (n: string) => COMPARISON_LABELS[n] ?? n,
        },
        { title: t('records.level'), dataIndex: 'level' },
        {
          title: t('records.weight'),
          dataIndex: 'weight',
          align: 'right',
          render: (w: number) => (
            <Tag color={w > 0 ? 'green' : w < 0 ? 'orange' : 'default'}>
              {w > 0 ? '+' : ''}
              {formatNumber(w, 2)}
            </Tag>
          ),
        },
      ]}
    />
  );
}

export function ReviewPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const pair = useRequest((signal) => getPair(id, signal), id);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);

  const next = useCallback(async () => {
    const list = await getWorklist('review', 1, 50);
    const following = list.items.find((e) => e.id !== id && !skipped.has(e.id));
    if (following) void navigate(`/records/review/${following.id}`, { replace: true });
    else setDone(true);
  }, [id, navigate]);

  const decide = useCallback(
    async (action: 'match' | 'non_match') => {
      if (busy) return;
      setBusy(true);
      setError(undefined);
      try {
        await resolveItem(id, { item: 'review', action, reason: reason.trim() || DEFAULT_REASON[action] });
        void message.success(t('records.resolved'));
        await next();
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setBusy(false);
      }
    },
    [busy, id, reason, message, t, next],
  );

  useEffect(() => {
    setReason('');
    setDone(false);
  }, [id]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Typing a reason is not a verdict.
      if (event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'm') void decide('match');
      else if (event.key === 'n') void decide('non_match');
      else if (event.key === 's') {
        skipped.add(id);
        void next();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [decide, next, id]);

  if (done)
    return (
      <Result
        status="success"
        title={t('records.reviewDone')}
        extra={<Button onClick={() => void navigate('/records?tab=review')}>{t('common.back')}</Button>}
      />
    );
  if (pair.loading && !pair.data) return <PageLoading />;
  const data = pair.data;
  const open = data?.class === 'review' && data.resolution === null;
  return (
    <>
      <PageHeader
        title={t('nav.recordsReview')}
        subTitle={t('records.shortcuts')}
        extra={<Button onClick={() => void navigate('/records?tab=review')}>{t('common.back')}</Button>}
      />
      {(pair.error ?? error) && (
        <Alert type="error" showIcon message={pair.error ?? error} style={{ marginBottom: 12 }} />
      )}
      {data && (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={14}>
            <Card size="small" title={`${t('records.recordId')} ${data.recordId}`}>
              <Sides pair={data} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card
              size="small"
              title={t('records.matchWeight', {
                w: formatNumber(data.matchWeight ?? 0, 2),
                p: `${formatNumber(data.probability * 100, 1)}%`,
              })}
            >
              <Weights pair={data} />
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small">
              {open ? (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Input.TextArea
                    rows={2}
                    maxLength={500}
                    value={reason}
                    placeholder={`${t('records.reason')}（${DEFAULT_REASON.match} / ${DEFAULT_REASON.non_match}）`}
                    onChange={(e) => setReason(e.target.value)}
                    data-testid="review-reason"
                  />
                  <Space wrap>
                    <Button
                      type="primary"
                      loading={busy}
                      onClick={() => void decide('match')}
                      data-testid="review-match"
                    >
                      {t('records.action.match')}
                    </Button>
                    <Button
                      danger
                      loading={busy}
                      onClick={() => void decide('non_match')}
                      data-testid="review-non-match"
                    >
                      {t('records.action.non_match')}
                    </Button>
                    <Button
                      onClick={() => {
                        skipped.add(id);
                        void next();
                      }}
                      data-testid="review-skip"
                    >
                      {t('records.skip')}
                    </Button>
                  </Space>
                </Space>
              ) : (
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('records.resolved')}>
                    {data.resolution
                      ? `${data.resolution.action === 'match' ? '同一人' : '不是同一人'}（${data.resolution.by}：${data.resolution.reason}）`
                      : '—'}
                  </Descriptions.Item>
                </Descriptions>
              )}
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
