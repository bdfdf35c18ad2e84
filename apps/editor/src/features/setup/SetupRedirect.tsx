import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { setupApi } from './api/setupApi';

/**
 * Sends a visitor of the login page to the setup page while the installation has no clinic yet (`npm start`
 * with `SEED_DEMO=false` on an empty database): nobody could sign in there.
 */
export function SetupRedirect() {
  const state = useQuery({ queryKey: ['setup'], queryFn: setupApi.state, staleTime: 60_000, retry: false });
  return state.data?.needed ? <Navigate to="/setup" replace /> : null;
}
