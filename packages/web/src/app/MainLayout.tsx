// The frame of every signed-in page: header, the role's menu (a drawer on phones), breadcrumb, content.
import { Breadcrumb, Drawer, Layout, Menu } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useMatches, useNavigate } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading';
import { useI18n } from '../lib/i18n';
import { useIsMobile } from '../lib/responsive';
import { useCurrentSession } from '../lib/session';
import { AppHeader, UserSummary } from './AppHeader';
import { menuItems, selectedMenuKey } from './menu';
import { isRouteHandle, type RouteHandle } from './route-handle';

function AppBreadcrumb() {
  const { t } = useI18n();
  const matches = useMatches();
  const crumbs = matches.filter((m) => isRouteHandle(m.handle));
  const items = crumbs.map((m, i) => {
    const label = t((m.handle as RouteHandle).crumb);
    return { key: m.id, title: i < crumbs.length - 1 ? <Link to={m.pathname}>{label}</Link> : label };
  });
  return <Breadcrumb className="app-breadcrumb" items={items} />;
}

export function MainLayout() {
  const session = useCurrentSession();
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();

  const menu = (
    <Menu
      mode="inline"
      items={menuItems(session, t)}
      selectedKeys={[selectedMenuKey(location.pathname)]}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout className="app-layout">
      <AppHeader mobile={mobile} onOpenMenu={() => setDrawerOpen(true)} />
      <Layout>
        {mobile ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            width={280}
            title={<UserSummary />}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider width={208} theme="light" className="app-sider">
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className="app-content">
          <AppBreadcrumb />
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
