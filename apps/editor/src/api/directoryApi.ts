import type { DirectoryKind as DirectoryList, DirectoryPage } from '@clinicflow/contract';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from './apiClient';

export type { DirectoryEntry } from '@clinicflow/contract';

/** The lists of the clinic's directory that screens name and pick from: services and practitioners. */
export type DirectoryKind = Extract<DirectoryList, 'services' | 'resources'>;

/** The clinic's services or practitioners (a clinic has tens, not thousands: one page holds them). */
export const directoryApi = {
  list: (kind: DirectoryKind) => apiFetch<DirectoryPage>(`/${kind}?pageSize=100`),
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
