import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { reportApi } from '../api/reportApi';

/** The API's largest page: the table loads the next one as the user scrolls near the end. */
export const reportPageSize = 100;

/** The filtered deliveries, page after page (newest first), with the totals of the whole filter. */
export function useDeliveryPages(apiQuery: string) {
  const query = useInfiniteQuery({
    queryKey: ['deliveries', apiQuery],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(apiQuery);
      params.set('page', String(pageParam));
      params.set('pageSize', String(reportPageSize));
      return reportApi.list(params.toString());
    },
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    placeholderData: keepPreviousData,
  });
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  const first = query.data?.pages[0];
  return { ...query, rows, total: first?.total ?? 0, totals: first?.totals };
}
