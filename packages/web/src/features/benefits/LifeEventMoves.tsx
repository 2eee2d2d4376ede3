// 县内迁移, beside the life events: enrolments whose beneficiary moved within the county. For
// information, nothing ends: the enrolment goes to the new village and township (when a batch is built,
// or now with the button), which then reviews and pays it.
import { Permission, type EnrolmentMoveItem } from '@renkou/core';
import { Alert, App, Button, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { formatDate, orDash } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../../lib/session';
import { followMoves } from './api';
import { codeLabel } from './labels';
import { useRefusal } from './use-refusal';

export function LifeEventMoves(props: {
  moves: EnrolmentMoveItem[];
  jurisdiction: string;
  onFollowed: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refused = useRefusal();
  const canReview = useCan(Permission.BenefitReview);
  const [busy, setBusy] = useState(false);
  if (props.moves.length === 0) return null;

  const follow = async () => {
    setBusy(true);
    try {
      const { followed } = await followMoves(props.jurisdiction || undefined);
      void message.success(t('benefit.worklist.followed', { n: followed.length }));
      props.onFollowed();
    } catch (error) {
      refused(error, t('benefit.worklist.follow'));
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<EnrolmentMoveItem> = [
    { title: t('benefit.name'), key: 'name', width: 110, render: (_v, m) => m.name ?? m.personKey },
    { title: t('benefit.programme'), dataIndex: 'programmeName', width: 90 },
    {
      title: t('benefit.worklist.moveKind'),
      dataIndex: 'kind',
      width: 80,
      render: (v: string) => codeLabel(t, 'benefit.worklist.moveKind', v),
    },
    {
      title: t('benefit.worklist.eventDate'),
      dataIndex: 'eventDate',
      width: 110,
      render: (v: string | null) => (v ? formatDate(v) : orDash(v)),
    },
    { title: t('benefit.worklist.moveFrom'), dataIndex: 'fromCode', width: 130 },
    { title: t('benefit.worklist.moveTo'), dataIndex: 'toCode', width: 130 },
    { title: t('benefit.worklist.reason'), dataIndex: 'reason' },
  ];

  return (
    <div style={{ marginTop: 16 }} data-testid="life-event-moves">
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text strong>{t('benefit.worklist.moves')}</Typography.Text>
        {canReview && (
          <Button size="small" loading={busy} onClick={() => void follow()} data-testid="life-event-follow">
            {t('benefit.worklist.follow')}
          </Button>
        )}
      </Space>
      <Alert type="info" showIcon message={t('benefit.worklist.movesHint')} style={{ marginBottom: 8 }} />
      <Table
        size="small"
        rowKey="enrolmentId"
        columns={columns}
        dataSource={props.moves}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
      />
    </div>
  );
}
