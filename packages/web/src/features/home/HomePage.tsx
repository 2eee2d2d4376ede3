import { BellOutlined, CheckSquareOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, Row, Typography } from 'antd';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { roleLabel } from '../../lib/labels';
import { useCurrentSession } from '../../lib/session';

export function HomePage() {
  const { t, lang } = useI18n();
  const { user } = useCurrentSession();
  const scope = user.scope === '' ? t('jur.country') : `${user.scopeName ?? ''}（${user.scope}）`;

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card data-testid="welcome-card">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('home.welcome', { name: user.displayName })}
          </Typography.Title>
          <Descriptions column={{ xs: 1, sm: 1, md: 3 }} size="small">
            <Descriptions.Item label={t('home.role')}>{roleLabel(user.role, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('home.scope')}>{scope}</Descriptions.Item>
            <Descriptions.Item label={t('home.lastLogin')}>
              {formatDateTime(user.lastLoginAt)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card
          title={
            <span>
              <CheckSquareOutlined /> {t('home.todo')}
            </span>
          }
          data-testid="todo-card"
        >
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noTodo')} />
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card
          title={
            <span>
              <BellOutlined /> {t('home.notices')}
            </span>
          }
        >
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noNotices')} />
        </Card>
      </Col>
    </Row>
  );
}
