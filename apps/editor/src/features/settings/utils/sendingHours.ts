/** A quiet-hours window as settings store it: no sending from `start` until `end` (may cross midnight). */
export interface QuietWindow {
  start: string;
  end: string;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const pad = (n: number) => String(n).padStart(2, '0');

/** Whether the hour starting at `hour`:00 falls in a pause. */
export function isQuietHour(pause: QuietWindow | null, hour: number): boolean {
  if (!pause) return false;
  const start = minutesOf(pause.start);
  const end = minutesOf(pause.end);
  const minute = hour * 60;
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * The nightly pause that leaves sending allowed from `firstHour`:00 to the end of `lastHour` (both 0–23,
 * first ≤ last): the pause runs from the hour after the last until the first. A whole day means no pause.
 */
export function pauseOfSendingHours(firstHour: number, lastHour: number): QuietWindow | null {
  if (firstHour === 0 && lastHour === 23) return null;
  return { start: `${pad((lastHour + 1) % 24)}:00`, end: `${pad(firstHour)}:00` };
}

/** Whether a pause reaches midnight: the one the sending hours make (it starts or ends at 00:00, or goes over it). */
const touchesMidnight = ({ start, end }: QuietWindow) => start > end || start === '00:00' || end === '00:00';

/**
 * The windows of the settings as the screen edits them: the nightly pause the sending hours make (the first
 * window reaching midnight) and the other pauses of the day (lunch…). The engine applies every one of them.
 */
export function splitPauses(windows: readonly QuietWindow[]): {
  nightly: QuietWindow | null;
  others: QuietWindow[];
} {
  const index = windows.findIndex(touchesMidnight);
  return {
    nightly: index === -1 ? null : windows[index],
    others: windows.filter((_, i) => i !== index),
  };
}

/** The windows to save: the nightly pause first (when there is one), then the other pauses. */
export function joinPauses(nightly: QuietWindow | null, others: readonly QuietWindow[]): QuietWindow[] {
  return [...(nightly ? [nightly] : []), ...others];
}
