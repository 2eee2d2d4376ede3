import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Segmented, Tag, Tooltip, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n, type Lang } from '../lib/i18n';
import { roleLabel } from '../lib/labels';
import { useCurrentSession, useSession } from '../lib/session';

/** Name and role of the signed-in user. */
export function UserSummary() {
  const { user } = useCurrentSession();
  const { lang } = useI18n();
  return (
    <Flex align="center" gap={8} className="user-summary" data-testid="current-user">
      <UserOutlined />
      <span>{user.displayName}</span>
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {roleLabel(user.role, lang)}
      </Tag>
    </Flex>
  );
}

export function AppHeader({ mobile, onOpenMenu }: { mobile: boolean; onOpenMenu: () => void }) {
  const { t, lang, setLang } = useI18n();
  const { logout } = useSession();
  const navigate = useNavigate();

  const signOut = () => {
    logout()
      .catch(() => undefined)
      .finally(() => void navigate('/login', { replace: true }));
  };

  return (
    <Layout.Header className="app-header">
      <Flex align="center" gap={8} style={{ minWidth: 0, flex: 1 }}>
        {mobile && (
          <Button
            type="text"
            className="header-button"
            icon={<MenuOutlined />}
            aria-label={t('header.menu')}
            data-testid="menu-toggle"
            onClick={onOpenMenu}
          />
        )}
        <Link to="/" className="app-title">
          <Typography.Text ellipsis className="app-title-text">
            {t('app.title')}
          </Typography.Text>
        </Link>
      </Flex>
      <Flex align="center" gap={mobile ? 4 : 12}>
        {!mobile && <UserSummary />}
        {mobile ? (
          <Button
            type="text"
            className="header-button"
            data-testid="lang-switch"
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {lang === 'zh' ? 'EN' : '中'}
          </Button>
        ) : (
          <Segmented<Lang>
            data-testid="lang-switch"
            value={lang}
            onChange={setLang}
            options={[
              { label: '中文', value: 'zh' },
              { label: 'English', value: 'en' },
            ]}
          />
        )}
        <Tooltip title={t('header.changePassword')}>
          <Link to="/password">
            <Button
              type="text"
              className="header-button"
              icon={<KeyOutlined />}
              aria-label={t('header.changePassword')}
            />
          </Link>
        </Tooltip>
        <Button
          type={mobile ? 'text' : 'default'}
          className="header-button"
          icon={<LogoutOutlined />}
          data-testid="logout-button"
          aria-label={t('header.logout')}
          onClick={signOut}
        >
          {mobile ? null : t('header.logout')}
        </Button>
      </Flex>
    </Layout.Header>
  );
}
