import dayjs from 'dayjs';

/**
 * The first of the last 7 clinic days (today included) as YYYY-MM-DD: days as the clinic's clock counts
 * them, so a manager abroad or a computer on UTC sees the same counts as the front desk.
 */
export function clinicWeekStart(now: Date, timeZone: string | undefined): string {
  // en-CA formats dates as YYYY-MM-DD
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return dayjs(today).subtract(6, 'day').format('YYYY-MM-DD');
}
