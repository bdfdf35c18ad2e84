import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { useEffect } from 'react';
import { MemoryRouter, useLocation, useRoutes } from 'react-router';
import { routes } from '../app/routes';

function AppRoutes({ onLocation }: { onLocation: (pathname: string) => void }) {
  const { pathname } = useLocation();
  useEffect(() => {
    onLocation(pathname);
  }, [pathname, onLocation]);
  return useRoutes(routes);
}

/**
 * Renders the whole app's routes at a path, as the browser would (login, navigation, pages). A memory router
 * with useRoutes: jsdom lacks the fetch Request that the data routers need.
 */
export function renderRoutes(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const seen = { pathname: path };
  render(
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes onLocation={(pathname) => (seen.pathname = pathname)} />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { location: seen };
}
