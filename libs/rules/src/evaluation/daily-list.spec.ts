import { practitionerDayListFlow } from '../starter-flows/practitioner-day-list.flow';
import { contextWith } from '../testing/fixtures';
import { evaluate } from './evaluate';
import { SkipReasonCode } from './skip-reason-code';
import { templateData } from './template-data';
import { triggerMismatch } from './trigger-mismatch';

const trigger = { events: ['schedule.daily' as const], dailyAt: '18:00' };
const firedAt = (dailyAt?: string) =>
  contextWith({ event: { type: 'schedule.daily', at: '2026-05-11T16:00:00Z', dailyAt } });

describe('a daily trigger (F10)', () => {
  it.each([
    ['its own time', '18:00', null],
    ['a simulation (no time named)', undefined, null],
    ['another time of the clinic', '07:00', SkipReasonCode.NotTriggered],
  ])('should start on %s', (_title, dailyAt, expected) => {
    expect(triggerMismatch(trigger, firedAt(dailyAt))?.code ?? null).toBe(expected);
  });

  it('should write the practitioner’s list in the practitioner’s language, with the list in its data', () => {
    const context = contextWith({
      event: { type: 'schedule.daily', at: '2026-05-11T16:00:00Z', dailyAt: '18:00' },
      resource: { language: 'en', email: 'dr.martin@cabinet.example' },
    });
    const result = evaluate({
      flow: practitionerDayListFlow,
      run: null,
      context,
      now: '2026-05-11T16:00:00Z',
    });
    expect(result.deliveries).toEqual([
      expect.objectContaining({
        nodeId: 'email-day-list',
        recipient: { type: 'resource', address: 'dr.martin@cabinet.example', name: 'Dr Martin' },
        language: 'en',
        sendAt: '2026-05-11T16:00:00Z',
      }),
    ]);
    expect(templateData(context).dayList).toMatchObject({ count: 2, appointments: expect.any(Array) });
  });
});
