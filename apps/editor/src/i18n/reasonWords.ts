import { reasonKey, wordReason, type ReasonLike } from '@clinicflow/contract';
import type { ClinicClock } from '../clock/clinicClock';
import { stepWords } from '../features/flows/utils/stepWords';
import { channelLabel } from './channelWords';
import type { Messages } from './messages';

export { reasonKey, type ReasonLike };

const pick = (t: Messages, key: string, fallback: string): string =>
  (t as Record<string, string>)[key] ?? fallback;

/**
 * A reason in the user's language (libs/contract `wordReason`, the same sentences the exports write): channels,
 * statuses and events in the interface's words, days and times in the clinic's clock; null for a code this
 * editor does not know (an older editor facing a newer engine), whose caller then shows the engine's sentence.
 */
export function reasonWords(
  t: Messages,
  why: ReasonLike | null | undefined,
  clock: ClinicClock | null,
  language: string,
): string | null {
  const statusKeys: Record<string, string> = stepWords.status;
  const eventKeys: Record<string, string> = stepWords.event;
  return wordReason(t, why, {
    language,
    channel: (channel) => channelLabel(t, channel),
    status: (status) => pick(t, statusKeys[status] ?? '', status),
    event: (type) => pick(t, eventKeys[type] ?? '', type),
    instant: (iso) => (clock ? clock.dateTime(iso) : iso),
    day: (day) => (clock ? clock.day(day) : day),
    weekday: (isoWeekday) => (clock ? clock.weekday(isoWeekday) : String(isoWeekday)),
  });
}
