import { lazy, Suspense } from 'react';
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
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeRedirect /> },
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
        ],
      },
    ],
  },
];
