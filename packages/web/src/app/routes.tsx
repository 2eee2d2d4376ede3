import { Permission } from '@renkou/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { NotFound } from '../components/Forbidden';
import { PageLoading } from '../components/PageLoading';
import { RequireAuth, RequireGuest, RequirePermission } from './guards';
import { MainLayout } from './MainLayout';
import type { RouteHandle } from './route-handle';

// Each feature is its own chunk, loaded when first visited.
const LoginPage = lazy(() => import('../features/auth/LoginPage').then((m) => ({ default: m.LoginPage })));
const PasswordPage = lazy(() =>
  import('../features/auth/PasswordPage').then((m) => ({ default: m.PasswordPage })),
);
const HomePage = lazy(() => import('../features/home/HomePage').then((m) => ({ default: m.HomePage })));
const JurisdictionsPage = lazy(() =>
  import('../features/jurisdictions/JurisdictionsPage').then((m) => ({ default: m.JurisdictionsPage })),
);
const UsersPage = lazy(() => import('../features/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const PersonSearchPage = lazy(() =>
  import('../features/register/PersonSearchPage').then((m) => ({ default: m.PersonSearchPage })),
);
const PersonPage = lazy(() =>
  import('../features/register/PersonPage').then((m) => ({ default: m.PersonPage })),
);
const HouseholdPage = lazy(() =>
  import('../features/register/HouseholdPage').then((m) => ({ default: m.HouseholdPage })),
);
const EventFormPage = lazy(() =>
  import('../features/register/EventFormPage').then((m) => ({ default: m.EventFormPage })),
);
const ImportPage = lazy(() =>
  import('../features/register/ImportPage').then((m) => ({ default: m.ImportPage })),
);
const StatisticsPage = lazy(() =>
  import('../features/statistics/StatisticsPage').then((m) => ({ default: m.StatisticsPage })),
);
const StatisticsReportPage = lazy(() =>
  import('../features/statistics/ReportPage').then((m) => ({ default: m.ReportPage })),
);
const StatisticsProjectionPage = lazy(() =>
  import('../features/statistics/projection/ProjectionPage').then((m) => ({ default: m.ProjectionPage })),
);
const BenefitProgrammesPage = lazy(() =>
  import('../features/benefits/ProgrammesPage').then((m) => ({ default: m.ProgrammesPage })),
);
const BenefitScreeningPage = lazy(() =>
  import('../features/benefits/ScreeningPage').then((m) => ({ default: m.ScreeningPage })),
);
const BenefitApplicationsPage = lazy(() =>
  import('../features/benefits/ApplicationsPage').then((m) => ({ default: m.ApplicationsPage })),
);
const BenefitBatchesPage = lazy(() =>
  import('../features/benefits/BatchesPage').then((m) => ({ default: m.BatchesPage })),
);
const BenefitNoticesPage = lazy(() =>
  import('../features/benefits/NoticesPage').then((m) => ({ default: m.NoticesPage })),
);
const BenefitWorklistPage = lazy(() =>
  import('../features/benefits/WorklistPage').then((m) => ({ default: m.WorklistPage })),
);
const BenefitBudgetsPage = lazy(() =>
  import('../features/benefits/BudgetsPage').then((m) => ({ default: m.BudgetsPage })),
);
const BenefitDashboardPage = lazy(() =>
  import('../features/benefits/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);

const ReconciliationPage = lazy(() =>
  import('../features/records/ReconciliationPage').then((m) => ({ default: m.ReconciliationPage })),
);
const ReviewPage = lazy(() =>
  import('../features/records/ReviewPage').then((m) => ({ default: m.ReviewPage })),
);

const standalone = (page: ReactNode) => <Suspense fallback={<PageLoading fullScreen />}>{page}</Suspense>;

export const router = createBrowserRouter([
  {
    path: '/login',
    element: <RequireGuest>{standalone(<LoginPage />)}</RequireGuest>,
  },
  {
    path: '/password',
    element: <RequireAuth passwordPage>{standalone(<PasswordPage />)}</RequireAuth>,
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <MainLayout />
      </RequireAuth>
    ),
    handle: { crumb: 'nav.home' } satisfies RouteHandle,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'jurisdictions',
        handle: { crumb: 'nav.jurisdictions' } satisfies RouteHandle,
        element: (
          <RequirePermission permission={Permission.JurisdictionRead}>
            <JurisdictionsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'users',
        handle: { crumb: 'nav.users' } satisfies RouteHandle,
        element: (
          <RequirePermission permission={Permission.UserRead}>
            <UsersPage />
          </RequirePermission>
        ),
      },
      {
        path: 'audit',
        handle: { crumb: 'nav.audit' } satisfies RouteHandle,
        element: (
          <RequirePermission permission={Permission.AuditRead}>
            <AuditPage />
          </RequirePermission>
        ),
      },
      {
        path: 'persons',
        handle: { crumb: 'nav.persons' } satisfies RouteHandle,
        children: [
          {
            index: true,
            element: (
              <RequirePermission permission={Permission.PersonRead}>
                <PersonSearchPage />
              </RequirePermission>
            ),
          },
          {
            path: ':key',
            handle: { crumb: 'nav.person' } satisfies RouteHandle,
            element: (
              <RequirePermission permission={Permission.PersonRead}>
                <PersonPage />
              </RequirePermission>
            ),
          },
        ],
      },
      {
        path: 'households/:id',
        handle: { crumb: 'nav.household' } satisfies RouteHandle,
        element: (
          <RequirePermission permission={Permission.PersonRead}>
            <HouseholdPage />
          </RequirePermission>
        ),
      },
      {
        path: 'register/new/:type',
        handle: { crumb: 'nav.registerEvent' } satisfies RouteHandle,
        element: (
          <RequirePermission permission={Permission.PersonWrite}>
            <EventFormPage />
          </RequirePermission>
        ),
      },
      {
        path: 'register/import',
        handle: { crumb: 'nav.registerImport' } satisfies RouteHandle,
        element: (
          <RequirePermission permission={Permission.PersonWrite}>
            <ImportPage />
          </RequirePermission>
        ),
      },
      {
        path: 'statistics',
        handle: { crumb: 'nav.statistics' } satisfies RouteHandle,
        children: [
          {
            index: true,
            element: (
              <RequirePermission permission={Permission.StatsRead}>
                <StatisticsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'report',
            handle: { crumb: 'nav.statisticsReport' } satisfies RouteHandle,
            element: (
              <RequirePermission permission={Permission.StatsRead}>
                <StatisticsReportPage />
              </RequirePermission>
            ),
          },
          {
            path: 'projection',
            handle: { crumb: 'nav.statisticsProjection' } satisfies RouteHandle,
            element: (
              <RequirePermission permission={Permission.StatsRead}>
                <StatisticsProjectionPage />
              </RequirePermission>
            ),
          },
        ],
      },
      {
        path: 'benefits',
        children: [
          { index: true, element: <Navigate to="programmes" replace /> },
          {
            path: 'programmes',
            handle: { crumb: 'nav.benefitProgrammes' } satisfies RouteHandle,
            element: (
              <RequirePermission permission={Permission.BenefitRead}>
                <BenefitProgrammesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'screening',
            handle: { crumb: 'nav.benefitScreening' } satisfies RouteHandle,
            element: (
              <RequirePermission permission={Permission.BenefitRead}>
                <BenefitScreeningPage />
              </RequirePermission>
            ),
          },
          {
            path: 'applications',
            handle: { crumb: 'nav.benefitApplications' } satisfies RouteHandle,
            element: (
              <RequirePermission permission={Permission.BenefitRead}>
                <BenefitApplicationsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'batches',
            handle: { crumb: 'nav.benefitBatches' } satisfies RouteHandle,
            element: (
              <RequirePermission permission={Permission.BenefitRead}>
                <BenefitBatchesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'notices',
            handle: { crumb: 'nav.benefitNotices' } satisfies RouteHandle,
            element: (
              <RequirePermission permission={Permission.BenefitRead}>
                <BenefitNoticesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'worklist',
            handle: { crumb: 'nav.benefitWorklist' } satisfies RouteHandle,
            element: (
              <RequirePermission permission={Permission.BenefitRead}>
                <BenefitWorklistPage />
              </RequirePermission>
            ),
          },
          {
            path: 'budgets',
            handle: { crumb: 'nav.benefitBudgets' } satisfies RouteHandle,
            element: (
              <RequirePermission permission={Permission.BenefitRead}>
                <BenefitBudgetsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'dashboard',
            handle: { crumb: 'nav.benefitDashboard' } satisfies RouteHandle,
            element: (
              <RequirePermission permission={Permission.BenefitRead}>
                <BenefitDashboardPage />
              </RequirePermission>
            ),
          },
        ],
      },
      {
        path: 'records',
        handle: { crumb: 'nav.records' } satisfies RouteHandle,
        children: [
          {
            index: true,
            element: (
              <RequirePermission permission={Permission.PersonRead}>
                <ReconciliationPage />
              </RequirePermission>
            ),
          },
          {
            path: 'review/:id',
            handle: { crumb: 'nav.recordsReview' } satisfies RouteHandle,
            element: (
              <RequirePermission permission={Permission.PersonRead}>
                <ReviewPage />
              </RequirePermission>
            ),
          },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
