import { apiFilterKeys, type ReportFilters } from './reportFilters';

/** Longest chart the summary endpoint draws. */
const maxDays = 366;

/**
 * The chart's query: the send days of the filter when it filters on them (the summary counts per send day),
 * else the API's default (the last 30 days) with the created or delivered range as the list has it; and the
 * list's other filters, so that the chart and the credits count the rows the table lists.
 */
export function summaryQueryOf(filters: ReportFilters): string {
  const query = new URLSearchParams();
  if (filters.range === 'send') {
    if (filters.from && filters.to) {
      const span = (Date.parse(filters.to) - Date.parse(filters.from)) / 86_400_000;
      if (span >= 0 && span <= maxDays) {
        query.set('from', filters.from);
        query.set('to', filters.to);
      }
    }
  } else {
    if (filters.from) query.set(`${filters.range}From`, filters.from);
    if (filters.to) query.set(`${filters.range}To`, filters.to);
  }
  if (filters.status.length) query.set('status', filters.status.join(','));
  if (filters.channel.length) query.set('channel', filters.channel.join(','));
  for (const key of apiFilterKeys) if (filters[key].trim()) query.set(key, filters[key].trim());
  return query.toString();
}
