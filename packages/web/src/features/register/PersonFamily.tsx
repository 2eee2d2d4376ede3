// 家庭成员: parents, spouse, children and the rest of the household, each a link to their page.
import { List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Relative } from '../../lib/types';
import { codeLabel, sexLabel, statusColor, statusLabel } from './labels';

const order = ['mother', 'father', 'spouse', 'child', 'household'];

export function PersonFamily({ relatives }: { relatives: Relative[] }) {
  const { t } = useI18n();
  const sorted = [...relatives].sort(
    (a, b) => order.indexOf(a.kinship) - order.indexOf(b.kinship) || a.birthDate.localeCompare(b.birthDate),
  );
  return (
    <List<Relative>
      size="small"
      data-testid="person-family"
      dataSource={sorted}
      locale={{ emptyText: t('person.noFamily') }}
      rowKey="personKey"
      renderItem={(r) => (
        <List.Item>
          <Typography.Text style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {codeLabel(t, 'kinship', r.kinship)}
            </Tag>
            <Link to={`/persons/${encodeURIComponent(r.personKey)}`}>{r.name}</Link>
            <Typography.Text type="secondary">
              {sexLabel(t, r.sex)} · {formatDate(r.birthDate)}
            </Typography.Text>
            {r.status !== 'resident' && (
              <Tag color={statusColor[r.status] ?? 'default'}>{statusLabel(t, r.status)}</Tag>
            )}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
