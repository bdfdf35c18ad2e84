/** The ranges the filter bar offers in one click. */
export type DatePreset = 'today' | 'tomorrow' | 'thisWeek' | 'last7Days' | 'last30Days';
export const datePresets: DatePreset[] = ['today', 'tomorrow', 'thisWeek', 'last7Days', 'last30Days'];

const ymd = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Today as yyyy-MM-dd on the clinic's calendar: the report's days are the clinic's, and between midnight in
 * Paris and midnight in the browser's zone the browser's "today" is another day (a row sent at 00:30 in Paris
 * would fall outside "Today"). Without the zone yet, the browser's calendar.
 */
export function clinicToday(now: Date, timeZone?: string | null): string {
  if (!timeZone) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** A calendar day moved by whole days (computed at noon UTC, so no zone or DST ever shifts it). */
export function plusDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return ymd(date);
}

/** The first and last day of a preset around the clinic's today, both included; a week starts on Monday. */
export function presetRange(preset: DatePreset, today: string): { from: string; to: string } {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'tomorrow':
      return { from: plusDays(today, 1), to: plusDays(today, 1) };
    case 'thisWeek': {
      const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
      const monday = plusDays(today, -((weekday + 6) % 7));
      return { from: monday, to: plusDays(monday, 6) };
    }
    case 'last7Days':
      return { from: plusDays(today, -6), to: today };
    case 'last30Days':
      return { from: plusDays(today, -29), to: today };
  }
}

/**
 * The presets a range is (to highlight their buttons): sometimes two, as on a Sunday, when this week and the
 * last 7 days are the same days.
 */
export function presetsOf(range: { from: string; to: string }, today: string): DatePreset[] {
  return datePresets.filter((p) => {
    const r = presetRange(p, today);
    return r.from === range.from && r.to === range.to;
  });
}
