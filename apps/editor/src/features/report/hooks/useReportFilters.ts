import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { filtersFromSearch, searchFromFilters, type ReportFilters } from '../utils/reportFilters';

/** The report's filters, kept in the URL query so a view can be shared, bookmarked and survives a reload. */
export function useReportFilters() {
  const [search, setSearch] = useSearchParams();
  // react-router hands a functional update the query of the last render, so two clicks before the next
  // render (a status chip, then a channel chip) would each start from it and the second would drop the
  // first: changes start from the latest query this hook asked for, until the URL itself moves.
  const latest = useRef(search);
  const rendered = useRef(search);
  if (rendered.current !== search) {
    rendered.current = search;
    latest.current = search;
  }
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const change = useCallback(
    (patch: Partial<ReportFilters>) => {
      const next = searchFromFilters({ ...filtersFromSearch(latest.current), ...patch });
      latest.current = next;
      setSearch(next, { replace: true });
    },
    [setSearch],
  );
  const clear = useCallback(() => {
    latest.current = new URLSearchParams();
    setSearch(new URLSearchParams(), { replace: true });
  }, [setSearch]);
  return { filters, change, clear };
}
