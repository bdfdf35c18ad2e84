import type { ReportFilters } from './reportFilters';

/** Longest chart the summary endpoint draws. */
const maxDays = 366;

/**
 * The chart's query: the send days of the filter when it filters on them (the summary counts per send day),
 * else the API's default (the last 30 days); with the filters the summary knows.
 */
export function summaryQueryOf(filters: ReportFilters): string {
  const query = new URLSearchParams();
  if (filters.range === 'send' && filters.from && filters.to) {
    const span = (Date.parse(filters.to) - Date.parse(filters.from)) / 86_400_000;
    if (span >= 0 && span <= maxDays) {
      query.set('from', filters.from);
      query.set('to', filters.to);
    }
  }
  if (filters.channel.length) query.set('channel', filters.channel.join(','));
  for (const key of ['flowId', 'serviceId', 'resourceId'] as const)
    if (filters[key]) query.set(key, filters[key]);
  return query.toString();
}
