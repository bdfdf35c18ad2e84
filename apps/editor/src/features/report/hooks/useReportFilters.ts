import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { filtersFromSearch, searchFromFilters, type ReportFilters } from '../utils/reportFilters';

/** The report's filters, kept in the URL query so a view can be shared, bookmarked and survives a reload. */
export function useReportFilters() {
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const change = useCallback(
    (patch: Partial<ReportFilters>) =>
      setSearch((current) => searchFromFilters({ ...filtersFromSearch(current), ...patch }), {
        replace: true,
      }),
    [setSearch],
  );
  const clear = useCallback(() => setSearch(new URLSearchParams(), { replace: true }), [setSearch]);
  return { filters, change, clear };
}
