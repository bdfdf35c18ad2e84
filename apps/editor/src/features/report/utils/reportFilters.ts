import { DELIVERY_SORTS, RANGES, type DeliveryRange, type DeliverySort } from '@clinicflow/contract';
import type { DeliveryChannel, DeliveryStatus } from '../api/reportApi';

/** Which date of a delivery the range applies to (api.md: created / to send / delivered). */
export type RangeField = DeliveryRange;
export const rangeFields: readonly RangeField[] = RANGES;

/** The orders the API offers (`sort=`): a date column, newest first with a leading `-` (the contract's list). */
export type ReportSort = DeliverySort;
export type SortableColumn = Exclude<ReportSort, `-${string}`>;
/** The columns the API sorts by. */
export const sortableColumns = DELIVERY_SORTS.filter((sort): sort is SortableColumn => !sort.startsWith('-'));
/** The API's order when none is asked: newest created first. */
export const defaultSort: ReportSort = '-createdAt';

/** The order of a `sort` value: its column and direction. */
export function sortOrderOf(sort: ReportSort): { column: SortableColumn; desc: boolean } {
  const desc = sort.startsWith('-');
  return { column: (desc ? sort.slice(1) : sort) as SortableColumn, desc };
}

const isSort = (value: string | null): value is ReportSort => DELIVERY_SORTS.includes(value as ReportSort);

/** The report's filters as the page holds them; the URL carries the same, so a view can be shared. */
export interface ReportFilters {
  range: RangeField;
  /** Clinic-local days yyyy-MM-dd. */
  from: string;
  to: string;
  status: DeliveryStatus[];
  channel: DeliveryChannel[];
  flowId: string;
  resourceId: string;
  serviceId: string;
  batchId: string;
  appointmentId: string;
  /** Who sent the messages: a user's e-mail, or `engine`. */
  sentBy: string;
  /** E-mails opened (`true`), not opened (`false`), or either (empty). */
  opened: '' | 'true' | 'false';
  q: string;
  /** The table's order, sorted by the API over the whole filter. */
  sort: ReportSort;
}

export const emptyFilters: ReportFilters = {
  range: 'send',
  from: '',
  to: '',
  status: [],
  channel: [],
  flowId: '',
  resourceId: '',
  serviceId: '',
  batchId: '',
  appointmentId: '',
  sentBy: '',
  opened: '',
  q: '',
  sort: defaultSort,
};

const single = [
  'from',
  'to',
  'flowId',
  'resourceId',
  'serviceId',
  'batchId',
  'appointmentId',
  'sentBy',
  'q',
] as const;

const openedValues = ['true', 'false'] as const;

const listOf = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * The filters of a report URL. Unknown statuses or channels are kept as typed, so the API's 400 can name
 * them next to their field rather than the page dropping them silently; an unknown order (an old link) is
 * the default one, as it has no field to show a problem next to.
 */
export function filtersFromSearch(search: URLSearchParams): ReportFilters {
  const range = search.get('range');
  const filters: ReportFilters = {
    ...emptyFilters,
    range: rangeFields.includes(range as RangeField) ? (range as RangeField) : 'send',
    status: listOf(search.get('status')) as DeliveryStatus[],
    channel: listOf(search.get('channel')) as DeliveryChannel[],
    sort: isSort(search.get('sort')) ? (search.get('sort') as ReportSort) : defaultSort,
  };
  for (const key of single) filters[key] = search.get(key) ?? '';
  const opened = search.get('opened');
  filters.opened = openedValues.find((value) => value === opened) ?? '';
  return filters;
}

/** The URL query of the filters, only what differs from the defaults (short links). */
export function searchFromFilters(filters: ReportFilters): URLSearchParams {
  const search = new URLSearchParams();
  // kept even before a date is picked: a manager who chooses "created" first must not see it undone
  if (filters.range !== 'send') search.set('range', filters.range);
  if (filters.status.length) search.set('status', filters.status.join(','));
  if (filters.channel.length) search.set('channel', filters.channel.join(','));
  for (const key of single) if (filters[key]) search.set(key, filters[key]);
  if (filters.opened) search.set('opened', filters.opened);
  if (filters.sort !== defaultSort) search.set('sort', filters.sort);
  return search;
}

/** The filters the API takes under their own names (the list's, the export's and the summary's). */
export const apiFilterKeys = [
  'flowId',
  'resourceId',
  'serviceId',
  'batchId',
  'appointmentId',
  'sentBy',
  'opened',
  'q',
] as const;

/**
 * The query of `GET /api/deliveries` (and of the export): the range's bounds under the API's names, and the
 * order when it is not the default.
 */
export function apiQueryOf(filters: ReportFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.from) query.set(`${filters.range}From`, filters.from);
  if (filters.to) query.set(`${filters.range}To`, filters.to);
  if (filters.status.length) query.set('status', filters.status.join(','));
  if (filters.channel.length) query.set('channel', filters.channel.join(','));
  for (const key of apiFilterKeys) if (filters[key].trim()) query.set(key, filters[key].trim());
  if (filters.sort !== defaultSort) query.set('sort', filters.sort);
  return query;
}

/** The filter field an API problem's path names (`query.sendTo` → `to`, `query.status` → `status`). */
export function fieldOfProblem(path: string | undefined): keyof ReportFilters | null {
  const name = (path ?? '').replace(/^query\./, '');
  const range = /^(\w+)(From|To)$/.exec(name);
  if (range && rangeFields.includes(range[1] as RangeField)) return range[2] === 'From' ? 'from' : 'to';
  if (name in emptyFilters) return name as keyof ReportFilters;
  return null;
}
