// The left menu: only the modules the session's permissions allow.
import {
  AccountBookOutlined,
  AuditOutlined,
  BarChartOutlined,
  BranchesOutlined,
  ClusterOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FilterOutlined,
  FundOutlined,
  GiftOutlined,
  HomeOutlined,
  LineChartOutlined,
  NotificationOutlined,
  ScheduleOutlined,
  SearchOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Permission } from '@renkou/core';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import type { MessageKey } from '../lib/i18n';
import type { Session } from '../lib/types';

interface MenuEntry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission?: Permission;
  testId?: string;
}

const entries: MenuEntry[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined />, testId: 'menu-home' },
  {
    path: '/jurisdictions',
    label: 'nav.jurisdictions',
    icon: <ClusterOutlined />,
    permission: Permission.JurisdictionRead,
    testId: 'menu-jurisdictions',
  },
  {
    path: '/persons',
    label: 'nav.persons',
    icon: <SearchOutlined />,
    permission: Permission.PersonRead,
    testId: 'menu-persons',
  },
  {
    path: '/register/new/birth',
    label: 'nav.registerBirth',
    icon: <SolutionOutlined />,
    permission: Permission.PersonWrite,
    testId: 'menu-register-birth',
  },
  {
    path: '/register/import',
    label: 'nav.registerImport',
    icon: <CloudUploadOutlined />,
    permission: Permission.PersonWrite,
    testId: 'menu-register-import',
  },
  {
    path: '/records',
    label: 'nav.records',
    icon: <BranchesOutlined />,
    permission: Permission.PersonRead,
    testId: 'menu-records',
  },
  {
    path: '/statistics',
    label: 'nav.statistics',
    icon: <BarChartOutlined />,
    permission: Permission.StatsRead,
    testId: 'menu-statistics',
  },
  {
    path: '/statistics/report',
    label: 'nav.statisticsReport',
    icon: <TableOutlined />,
    permission: Permission.StatsRead,
    testId: 'menu-statistics-report',
  },
  {
    path: '/statistics/projection',
    label: 'nav.statisticsProjection',
    icon: <LineChartOutlined />,
    permission: Permission.StatsRead,
    testId: 'menu-statistics-projection',
  },
  {
    path: '/benefits/programmes',
    label: 'nav.benefitProgrammes',
    icon: <GiftOutlined />,
    permission: Permission.BenefitRead,
    testId: 'menu-benefit-programmes',
  },
  {
    path: '/benefits/screening',
    label: 'nav.benefitScreening',
    icon: <FilterOutlined />,
    permission: Permission.BenefitRead,
    testId: 'menu-benefit-screening',
  },
  {
    path: '/benefits/applications',
    label: 'nav.benefitApplications',
    icon: <FileDoneOutlined />,
    permission: Permission.BenefitRead,
    testId: 'menu-benefit-applications',
  },
  {
    path: '/benefits/batches',
    label: 'nav.benefitBatches',
    icon: <AccountBookOutlined />,
    permission: Permission.BenefitRead,
    testId: 'menu-benefit-batches',
  },
  {
    path: '/benefits/notices',
    label: 'nav.benefitNotices',
    icon: <NotificationOutlined />,
    permission: Permission.BenefitRead,
    testId: 'menu-benefit-notices',
  },
  {
    path: '/benefits/worklist',
    label: 'nav.benefitWorklist',
    icon: <ScheduleOutlined />,
    permission: Permission.BenefitRead,
    testId: 'menu-benefit-worklist',
  },
  {
    path: '/benefits/budgets',
    label: 'nav.benefitBudgets',
    icon: <FundOutlined />,
    permission: Permission.BenefitRead,
    testId: 'menu-benefit-budgets',
  },
  {
    path: '/benefits/dashboard',
    label: 'nav.benefitDashboard',
    icon: <DashboardOutlined />,
    permission: Permission.BenefitRead,
    testId: 'menu-benefit-dashboard',
  },
  {
    path: '/users',
    label: 'nav.users',
    icon: <TeamOutlined />,
    permission: Permission.UserRead,
    testId: 'menu-users',
  },
  {
    path: '/audit',
    label: 'nav.audit',
    icon: <AuditOutlined />,
    permission: Permission.AuditRead,
    testId: 'menu-audit',
  },
];

export function menuItems(session: Session, t: (key: MessageKey) => string): NonNullable<MenuProps['items']> {
  return entries
    .filter((e) => e.permission === undefined || session.permissions.includes(e.permission))
    .map((e) => ({ key: e.path, icon: e.icon, label: t(e.label), 'data-testid': e.testId }));
}

/** The menu key to highlight for a location: the longest entry path that prefixes it. */
export function selectedMenuKey(pathname: string): string {
  const match = entries
    .filter((e) => e.path === '/' || pathname === e.path || pathname.startsWith(`${e.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.path ?? '/';
}
