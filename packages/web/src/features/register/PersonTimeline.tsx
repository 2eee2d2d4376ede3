// 事件记录: the person's events in date order; a voided event is struck through and tagged 已作废, and
// each live entry has a menu to void it (for users who may write).
import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Empty, Tag, Timeline, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { TimelineEntry } from '../../lib/types';
import { codeLabel, eventLabel } from './labels';

const colors: Record<string, string> = { birth: 'green', death: 'gray', void: 'red', correction: 'orange' };

export function PersonTimeline({
  personKey,
  entries,
  canWrite,
}: {
  personKey: string;
  entries: TimelineEntry[];
  canWrite: boolean;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  if (entries.length === 0) {
    return (
      <div data-testid="timeline">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('person.noEvents')} />
      </div>
    );
  }
  const items = entries.map((e) => ({
    key: e.eventId,
    color: e.voided ? 'gray' : (colors[e.type] ?? 'blue'),
    children: (
      <div data-event-id={e.eventId}>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
          <Typography.Text strong delete={e.voided}>
            {formatDate(e.date)} {eventLabel(t, e.type)}
          </Typography.Text>
          {e.role !== 'subject' && <Tag>{codeLabel(t, 'role', e.role)}</Tag>}
          {e.voided && <Tag color="red">{t('timeline.voided')}</Tag>}
          {canWrite && !e.voided && e.type !== 'void' && e.role === 'subject' && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [{ key: 'void', danger: true, label: t('timeline.void') }],
                onClick: () =>
                  void navigate(
                    `/register/new/void?person=${encodeURIComponent(personKey)}&target=${encodeURIComponent(e.eventId)}`,
                  ),
              }}
            >
              <Button type="text" size="small" icon={<MoreOutlined />} aria-label={t('common.actions')} />
            </Dropdown>
          )}
        </div>
        <Typography.Text delete={e.voided} type={e.voided ? 'secondary' : undefined}>
          {e.summary}
        </Typography.Text>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('timeline.recorded', { date: formatDate(e.recordedDate) })}
          </Typography.Text>
        </div>
      </div>
    ),
  }));
  return <Timeline data-testid="timeline" items={items} style={{ paddingTop: 8 }} />;
}
