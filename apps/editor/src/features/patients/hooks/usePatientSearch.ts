import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { patientsApi } from '../api/patientsApi';

/** How long the picker waits after the last key before it asks the API. */
export const PATIENT_SEARCH_DEBOUNCE_MS = 300;

/**
 * The patients matching what was typed, searched by the API (name, mobile, e-mail, external id) once typing
 * pauses; the previous answer stays shown while the next one comes.
 */
export function usePatientSearch(text: string) {
  const [debounced] = useDebouncedValue(text.trim(), PATIENT_SEARCH_DEBOUNCE_MS);
  return useQuery({
    queryKey: ['patients', 'search', debounced],
    queryFn: () => patientsApi.search(debounced),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
