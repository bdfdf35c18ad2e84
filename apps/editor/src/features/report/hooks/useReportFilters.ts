import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { filtersFromSearch, searchFromFilters, type ReportFilters } from '../utils/reportFilters';

/** The report's filters, kept in the URL query so a view can be shared, bookmarked and survives a reload. */
export function useReportFilters() {
  const [search, setSearch] = useSearchParams();
  // react-router hands a functional update the query of the last render, so two clicks before the next
  // render (a status chip, then a channel chip) would each start from it and the second would drop the
  // first: changes start from the latest query this hook asked for.
  const latest = useRef(search);
  const asked = useRef<string[]>([]);
  useLayoutEffect(() => {
    const shown = search.toString();
    const mine = asked.current.indexOf(shown);
    // a query this hook asked for on its way (a later one is coming): keep starting from the later one
    if (mine >= 0 && mine < asked.current.length - 1) return;
    asked.current = [];
    latest.current = search;
  }, [search]);
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const ask = useCallback(
    (next: URLSearchParams) => {
      latest.current = next;
      asked.current.push(next.toString());
      setSearch(next, { replace: true });
    },
    [setSearch],
  );
  const change = useCallback(
    (patch: Partial<ReportFilters>) =>
      ask(searchFromFilters({ ...filtersFromSearch(latest.current), ...patch })),
    [ask],
  );
  const clear = useCallback(() => ask(new URLSearchParams()), [ask]);
  return { filters, change, clear };
}
