// 生命事件: enrolments that a life event in the register ends — a child turning 3 (育儿补贴), a hukou
// move out of the county, a death (already suspended) — for township staff to confirm. Confirming ends
// the enrolment as the register says at that moment and reports any overpayment to recover. Below,
// for information, the moves within the county that enrolments follow.
import type { EnrolmentEndCause, LifeEventItem } from '@renkou/core';
import { Alert, Col, Row, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useRequest } from '../../lib/useRequest';
import { confirmLifeEvent, listLifeEvents } from './api';
import { useEndColumns } from './end-columns';
import { ScopeFilter } from './inputs';
import { LifeEventMoves } from './LifeEventMoves';

const causeColor: Record<EnrolmentEndCause, string> = {
  age_limit: 'blue',
  hukou_move: 'purple',
  death: 'default',
};

export function LifeEventsTab() {
  const { t } = useI18n();
  const [jurisdiction, setJurisdiction] = useState('');
  const query = jurisdiction ? { jurisdiction } : {};
  const list = useRequest((signal) => listLifeEvents(query, signal), JSON.stringify(query));

  const endColumns = useEndColumns<LifeEventItem>(confirmLifeEvent, () => list.reload());
  const columns = endColumns(
    [
      {
        title: t('benefit.worklist.cause'),
        key: 'cause',
        width: 120,
        render: (_v, i) => (
          <Tag color={causeColor[i.cause]} data-testid="life-event-cause" data-cause={i.cause}>
            {i.causeLabel}
          </Tag>
        ),
      },
      {
        title: t('benefit.worklist.eventDate'),
        dataIndex: 'eventDate',
        width: 110,
        render: (v: string) => formatDate(v),
      },
      { title: t('benefit.worklist.endsBefore'), dataIndex: 'endsBefore', width: 110 },
      { title: t('benefit.worklist.reason'), dataIndex: 'reason' },
    ],
    { show: () => true, description: (i) => i.reason, testId: 'life-event-confirm' },
  );

  const counts = list.data?.counts;
  return (
    <>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }} align="middle">
        <Col xs={24} sm={12} lg={6}>
          <ScopeFilter value={jurisdiction} onChange={setJurisdiction} />
        </Col>
        {counts && (
          <Col>
            <Space wrap>
              {(['age_limit', 'hukou_move', 'death'] as const).map((cause) => (
                <Tag key={cause} color={causeColor[cause]}>
                  {t(`benefit.worklist.cause.${cause}`)} {counts[cause]}
                </Tag>
              ))}
            </Space>
          </Col>
        )}
      </Row>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 12 }} />}
      <Table
        size="small"
        rowKey="enrolmentId"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('benefit.worklist.noEvents') }}
        data-testid="life-event-table"
      />
      <LifeEventMoves
        moves={list.data?.moves ?? []}
        jurisdiction={jurisdiction}
        onFollowed={() => list.reload()}
      />
    </>
  );
}
