import type { DateTime } from 'luxon';
import type { QuietHoursPolicy } from '../flow/flow-parts.schema';
import { reasonOf, type Reason } from '../evaluation/reason';
import { describeQuietCause, type QuietHoursCalendar } from './quiet-hours-calendar';

/** Where a moment ended up after the quiet-hours policy: kept, moved, or skipped with the reason. */
export type Placement<Moment = DateTime> =
  | { kind: 'kept'; at: Moment }
  | { kind: 'moved'; at: Moment; reason: string; why: Reason }
  | { kind: 'skipped'; reason: string; why: Reason };

/** The bounds a moved moment must stay within: not before `notBefore` (now), strictly before `notAfter`. */
export interface PlacementBounds<Moment = DateTime> {
  notBefore: Moment;
  notAfter?: Moment | null;
  /** What `notAfter` is, for the reason ("the appointment", "the message's expiry"). */
  deadlineName?: string;
  /** The same as a reason's parameter: `appointment` or `expiry`. */
  deadline?: 'appointment' | 'expiry';
}

/**
 * Applies a quiet-hours policy to a moment (scenario 4): `shift-later` moves to the next allowed moment, or, when that
 * is past the deadline, to the last allowed moment before; `shift-earlier` moves to the last allowed moment before;
 * `skip` skips; `ignore` keeps it. A moment that cannot be placed is skipped with the reason. Moments are DateTimes
 * or, in the evaluator, epoch milliseconds.
 */
export function placeInAllowedHours<Moment extends DateTime | number = DateTime>(
  moment: Moment,
  policy: QuietHoursPolicy,
  calendar: QuietHoursCalendar<Moment>,
  bounds: PlacementBounds<Moment>,
): Placement<Moment> {
  const cause = policy === 'ignore' ? null : calendar.quietCause(moment);
  if (cause === null) return { kind: 'kept', at: moment };
  const why = describeQuietCause(cause);
  const deadline = bounds.notAfter ?? null;
  const deadlineName = bounds.deadlineName ?? 'the deadline';
  const fits = (at: Moment | null): at is Moment =>
    at !== null && at >= bounds.notBefore && (deadline === null || at < deadline);
  if (policy === 'skip')
    return { kind: 'skipped', reason: `quiet hours: ${why}`, why: reasonOf('quiet-skip', cause) };
  if (policy === 'shift-later') {
    const later = calendar.nextAllowed(moment);
    if (fits(later))
      return {
        kind: 'moved',
        at: later,
        reason: `moved later out of quiet hours (${why})`,
        why: reasonOf('quiet-moved-later', cause),
      };
  }
  const earlier = calendar.lastAllowed(moment);
  if (fits(earlier)) {
    const pastDeadline = policy === 'shift-later';
    return {
      kind: 'moved',
      at: earlier,
      reason: `moved earlier out of quiet hours (${pastDeadline ? `the next allowed time is not before ${deadlineName}` : why})`,
      why: pastDeadline
        ? reasonOf('quiet-moved-earlier-deadline', { ...cause, deadline: bounds.deadline ?? 'expiry' })
        : reasonOf('quiet-moved-earlier', cause),
    };
  }
  return {
    kind: 'skipped',
    reason: `quiet hours: ${why}, and there is no allowed time between now and ${deadlineName}`,
    why: reasonOf('quiet-no-room', { ...cause, deadline: bounds.deadline ?? 'expiry' }),
  };
}
