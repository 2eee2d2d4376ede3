// 生命事件: enrolments that a life event in the register ends — a child turning 3 (育儿补贴), a hukou
// move out of the county, a death (already suspended) — for township staff to confirm. Confirming ends
// the enrolment as the register says at that moment and reports any overpayment to recover.
import { Permission } from '@renkou/core';
import { Alert, App, Button, Col, Popconfirm, Row, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { formatDate, orDash } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../../lib/session';
import { useRequest } from '../../lib/useRequest';
import { confirmLifeEvent, listLifeEvents, type EndCause, type LifeEventItem } from './api';
import { endOutcomeText } from './end-outcome';
import { useRefusal } from './use-refusal';

const causeColor: Record<EndCause, string> = { age_limit: 'blue', hukou_move: 'purple', death: 'default' };

export function LifeEventsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refused = useRefusal();
  const canReview = useCan(Permission.BenefitReview);
  const [jurisdiction, setJurisdiction] = useState('');
  const [busy, setBusy] = useState<string>();
  const query = jurisdiction ? { jurisdiction } : {};
  const list = useRequest((signal) => listLifeEvents(query, signal), JSON.stringify(query));

  const confirm = async (item: LifeEventItem) => {
    setBusy(item.enrolmentId);
    try {
      const outcome = await confirmLifeEvent(item.enrolmentId);
      void message.success(`${item.name ?? item.personKey}：${endOutcomeText(t, outcome)}`);
      list.reload();
    } catch (error) {
      refused(error, t('benefit.worklist.confirm'));
    } finally {
      setBusy(undefined);
    }
  };

  const columns: ColumnsType<LifeEventItem> = [
    { title: t('benefit.name'), key: 'name', width: 110, render: (_v, i) => i.name ?? i.personKey },
    {
      title: t('benefit.idNumber'),
      dataIndex: 'idNumberMasked',
      width: 170,
      render: (v: string | null) => orDash(v),
    },
    { title: t('benefit.programme'), dataIndex: 'programmeName', width: 90 },
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
    {
      title: '',
      key: 'actions',
      width: 110,
      render: (_v, i) =>
        canReview && (
          <Popconfirm
            title={t('benefit.worklist.confirmEnd')}
            description={i.reason}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => confirm(i)}
          >
            <Button
              size="small"
              type="primary"
              loading={busy === i.enrolmentId}
              data-testid="life-event-confirm"
            >
              {t('benefit.worklist.confirm')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  const counts = list.data?.counts;
  return (
    <>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }} align="middle">
        <Col xs={24} sm={12} lg={6}>
          <JurisdictionSelect
            key={jurisdiction === '' ? 'all' : 'some'}
            value={jurisdiction || undefined}
            onChange={setJurisdiction}
            placeholder={t('benefit.ownScope')}
          />
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
    </>
  );
}
