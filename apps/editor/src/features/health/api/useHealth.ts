import { useQuery } from '@tanstack/react-query';
import { fetchHealth } from './fetchHealth';

/** The API's health, polled so the badge follows an outage and a recovery without a reload. */
export function useHealth() {
  return useQuery({ queryKey: ['health'], queryFn: fetchHealth, refetchInterval: 5_000 });
}
