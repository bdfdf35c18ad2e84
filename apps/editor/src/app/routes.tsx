import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { AppLayout, HomeRedirect, ManagersOnly } from './AppLayout';

// Each screen is its own chunk, so the first page loads only what it shows.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const FlowsPage = lazy(() => import('../features/flows/FlowsPage'));
const NewFlowPage = lazy(() => import('../features/flows/NewFlowPage'));
const SavedFlowPage = lazy(() => import('../features/flows/SavedFlowPage'));
const TemplatesPage = lazy(() => import('../features/templates/TemplatesPage'));
const ReportPage = lazy(() => import('../features/report/ReportPage'));
const PrintableReportPage = lazy(() => import('../features/report/PrintableReportPage'));
const InboxPage = lazy(() => import('../features/inbox/InboxPage'));
const BatchSendPage = lazy(() => import('../features/batch-send/BatchSendPage'));
const SendPage = lazy(() => import('../features/send/SendPage'));
const PractitionersPage = lazy(() => import('../features/practitioners/PractitionersPage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
const RunsPage = lazy(() => import('../features/runs/RunsPage'));
const RunPage = lazy(() => import('../features/runs/RunPage'));
const SetupPage = lazy(() => import('../features/setup/SetupPage'));
const ForgotPasswordPage = lazy(() => import('../features/account/ForgotPasswordPage'));
const SetPasswordPage = lazy(() => import('../features/account/SetPasswordPage'));
const AccountPage = lazy(() => import('../features/account/AccountPage'));
const TeamPage = lazy(() => import('../features/team/TeamPage'));
const ActivityPage = lazy(() => import('../features/activity/ActivityPage'));
const PatientsPage = lazy(() => import('../features/patients/PatientsPage'));

/** A page anyone may open (no session): its own chunk, shown once loaded. */
const open = (page: ReactNode) => <Suspense>{page}</Suspense>;

/** The routes of the editor (exported for the tests, which mount them in a memory router). */
export const routes: RouteObject[] = [
  {
    path: 'login',
    element: (
      <Suspense>
        <LoginPage />
      </Suspense>
    ),
  },
  // the first run, and the links of invitations and resets (docs/accounts.md)
  { path: 'setup', element: open(<SetupPage />) },
  { path: 'forgot-password', element: open(<ForgotPasswordPage />) },
  { path: 'set-password', element: open(<SetPasswordPage />) },
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'report', element: <ReportPage /> },
      { path: 'report/print', element: <PrintableReportPage /> },
      { path: 'inbox', element: <InboxPage /> },
      { path: 'batch-send', element: <BatchSendPage /> },
      { path: 'send', element: <SendPage /> },
      { path: 'practitioners', element: <PractitionersPage /> },
      {
        element: <ManagersOnly />,
        children: [
          { path: 'flows', element: <FlowsPage /> },
          { path: 'flows/new', element: <NewFlowPage /> },
          { path: 'flows/:flowId', element: <SavedFlowPage /> },
          { path: 'templates', element: <TemplatesPage /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: 'runs', element: <RunsPage /> },
          { path: 'runs/:runId', element: <RunPage /> },
          { path: 'team', element: <TeamPage /> },
          { path: 'activity', element: <ActivityPage /> },
          { path: 'patients', element: <PatientsPage /> },
        ],
      },
    ],
  },
];
