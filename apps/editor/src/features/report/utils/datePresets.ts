/** The ranges the filter bar offers in one click. */
export type DatePreset = 'today' | 'tomorrow' | 'thisWeek' | 'last7Days' | 'last30Days';
export const datePresets: DatePreset[] = ['today', 'tomorrow', 'thisWeek', 'last7Days', 'last30Days'];

/** A day as yyyy-MM-dd in the browser's calendar (the clinic's, at the front desk). */
export function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function plusDays(date: Date, days: number): Date {
  const next = new Date(date);
  next.setDate(next.getDate() + days);
  return next;
}

/** The first and last day of a preset, both included; a week starts on Monday. */
export function presetRange(preset: DatePreset, now: Date): { from: string; to: string } {
  switch (preset) {
    case 'today':
      return { from: dayOf(now), to: dayOf(now) };
    case 'tomorrow':
      return { from: dayOf(plusDays(now, 1)), to: dayOf(plusDays(now, 1)) };
    case 'thisWeek': {
      const monday = plusDays(now, -((now.getDay() + 6) % 7));
      return { from: dayOf(monday), to: dayOf(plusDays(monday, 6)) };
    }
    case 'last7Days':
      return { from: dayOf(plusDays(now, -6)), to: dayOf(now) };
    case 'last30Days':
      return { from: dayOf(plusDays(now, -29)), to: dayOf(now) };
  }
}

/** The preset a range is, if any (to highlight its button). */
export function presetOf(range: { from: string; to: string }, now: Date): DatePreset | null {
  return (
    datePresets.find((p) => {
      const r = presetRange(p, now);
      return r.from === range.from && r.to === range.to;
    }) ?? null
  );
}
