import { useQuery } from '@tanstack/react-query';
import { apiFetch } from './apiClient';

/** A service or practitioner of the clinic (`GET /api/services`, `GET /api/resources`). */
export interface DirectoryEntry {
  id: string;
  name: string;
}

/** Which list of the clinic's directory. */
export type DirectoryKind = 'services' | 'resources';

/** The clinic's services or practitioners (a clinic has tens, not thousands: one page holds them). */
export const directoryApi = {
  list: (kind: DirectoryKind) => apiFetch<{ items: DirectoryEntry[] }>(`/${kind}?pageSize=100`),
};

/** The clinic's services or practitioners, cached for every screen that names or picks them. */
export function useDirectory(kind: DirectoryKind) {
  return useQuery({
    queryKey: ['directory', kind],
    queryFn: () => directoryApi.list(kind),
    staleTime: 60_000,
    retry: false,
  });
}
