import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { EvaluationContext } from '../context/evaluation-context.schema';
import { evaluate } from '../evaluation/evaluate';
import type { QuietHoursPolicy } from '../flow/flow-parts.schema';
import { contextWith, dstZones as zones, sendNode, straightFlow, waitNode } from '../testing/fixtures';
import { quietHoursCalendar } from './quiet-hours-calendar';

const pad = (n: number) => String(n).padStart(2, '0');

const scenario = fc.record({
  zone: fc.constantFrom(...zones),
  nightFrom: fc.integer({ min: 17, max: 23 }),
  nightTo: fc.integer({ min: 5, max: 10 }),
  lunch: fc.boolean(),
  noSendWeekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 3 }),
  holiday: fc.boolean(),
  startMinutes: fc.integer({ min: 0, max: 365 * 24 * 60 }),
  amount: fc.integer({ min: 0, max: 96 }),
  unit: fc.constantFrom('hours', 'days', 'minutes' as const),
  policy: fc.constantFrom<QuietHoursPolicy>('shift-later', 'shift-earlier', 'skip', 'ignore'),
  expiresHours: fc.option(fc.integer({ min: 1, max: 48 }), { nil: undefined }),
  purpose: fc.constantFrom('reminder' as const, 'notice' as const),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** Runs a one-wait, one-send flow to its end and returns the context and the deliveries. */
function run(s: Scenario) {
  const start = DateTime.fromISO('2026-01-01T00:00:00Z').plus({ minutes: s.startMinutes }).setZone(s.zone);
  const holidays = s.holiday ? [start.minus({ days: 1 }).toISODate() as string] : [];
  const context: EvaluationContext = contextWith({
    clinic: {
      timeZone: s.zone,
      quietHours: {
        nightly: { from: `${pad(s.nightFrom)}:00`, to: `${pad(s.nightTo)}:30` },
        windows: s.lunch ? [{ start: '12:00', end: '14:00' }] : [],
        noSendWeekdays: s.noSendWeekdays,
        holidays,
      },
      limits: { minimumLeadTimeHours: 0 },
    },
    appointment: { start: start.toISO() as string, end: start.plus({ minutes: 30 }).toISO() as string },
    event: { type: 'appointment.booked', at: start.minus({ days: 10 }).toISO() as string },
  });
  const flow = straightFlow([
    waitNode('wait', { amount: s.amount, unit: s.unit, quietHours: s.policy }),
    sendNode('sms', {
      purpose: s.purpose,
      expiresAfter: s.expiresHours ? { amount: s.expiresHours, unit: 'hours' } : undefined,
    }),
  ]);
  let result = evaluate({ flow, run: null, context, now: context.event.at });
  const deliveries = [...result.deliveries];
  if (result.run.timerAt) {
    result = evaluate({ flow, run: result.run, context, now: result.run.timerAt, signal: { kind: 'timer' } });
    deliveries.push(...result.deliveries);
  }
  return { context, deliveries };
}

describe(evaluate.name, () => {
  it('should never plan a send in quiet hours unless the policy is ignore, nor at or after its expiry', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { context, deliveries } = run(s);
        const calendar = quietHoursCalendar(context.clinic.quietHours, s.zone);
        for (const delivery of deliveries) {
          const sendAt = DateTime.fromISO(delivery.sendAt);
          if (s.policy !== 'ignore') expect(calendar.whyQuiet(sendAt)).toBeNull();
          if (delivery.expiresAt) expect(sendAt < DateTime.fromISO(delivery.expiresAt)).toBe(true);
          if (s.purpose === 'reminder') expect(delivery.expiresAt).not.toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
});
