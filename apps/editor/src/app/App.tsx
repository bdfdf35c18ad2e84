import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AppLayout } from './AppLayout';

// Each screen is its own chunk, so the first page loads only what it shows.
const FlowsPage = lazy(() => import('../features/flows/FlowsPage'));
const FlowEditorPage = lazy(() => import('../features/flows/FlowEditorPage'));
const ReportPage = lazy(() => import('../features/report/ReportPage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/flows" replace /> },
      { path: 'flows', element: <FlowsPage /> },
      { path: 'flows/new', element: <FlowEditorPage /> },
      { path: 'report', element: <ReportPage /> },
      { path: 'settings', element: <SettingsPage /> },
    ],
  },
]);

const queryClient = new QueryClient();

/** The editor application: theme, server state and routes. */
export function App() {
  return (
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
