import { DateTime } from 'luxon';
import type { SendData } from '../flow/send-node.schema';
import { quietHoursCalendar } from '../quiet-hours/quiet-hours-calendar';
import { contextWith, smsData } from '../testing/fixtures';
import { planDelivery, type DeliveryPlanning } from './plan-delivery';

const now = DateTime.fromISO('2026-05-08T10:00:00Z');
const planning = (overrides: object = {}, extra: Partial<DeliveryPlanning> = {}): DeliveryPlanning => {
  const context = contextWith(overrides as never);
  return {
    runId: 'run',
    nodeId: 'sms',
    context,
    now,
    calendar: quietHoursCalendar(context.clinic.quietHours, context.clinic.timeZone),
    policy: 'shift-later',
    suppressed: null,
    defaultLanguage: 'fr',
    plannedReminders: [],
    expectsReply: false,
    ...extra,
  };
};
const plan = (data: Partial<SendData>, overrides: object = {}, extra: Partial<DeliveryPlanning> = {}) => {
  const result = planDelivery(smsData(data), planning(overrides, extra));
  return 'skip' in result ? result.skip.reason : result.delivery;
};

describe(planDelivery.name, () => {
  it.each<[string, Partial<SendData>, object, string]>([
    [
      'the master switch is off',
      {},
      { clinic: { timeZone: 'Europe/Paris', communicationsEnabled: false } },
      'all communications are switched off for the clinic',
    ],
    [
      'the clinic has SMS off',
      {},
      { clinic: { timeZone: 'Europe/Paris', channels: { sms: false } } },
      'SMS is switched off for the clinic',
    ],
    [
      'the patient prefers e-mail',
      {},
      { patient: { mobile: '+33600000000', preferredChannels: ['email'] } },
      'patient prefers e-mail',
    ],
    [
      'the consent mode is nobody',
      {},
      { clinic: { timeZone: 'Europe/Paris', consentMode: 'nobody' } },
      "the clinic's consent mode sends SMS to nobody",
    ],
    [
      'a recall the patient did not agree to',
      { purpose: 'recall' },
      {
        patient: { mobile: '+33600000000', consent: { sms: true }, consentPurposes: { sms: ['reminders'] } },
      },
      "no consent for recall messages (the patient's SMS consent covers reminders)",
    ],
    ['the patient has no mobile', {}, { patient: { mobile: undefined } }, 'patient has no mobile number'],
    [
      'the resource has no e-mail',
      { channel: 'email', recipient: { type: 'resource' } },
      { resource: { name: 'Dr Martin', email: undefined } },
      'Dr Martin has no e-mail address',
    ],
    [
      'there is no referring doctor',
      { recipient: { type: 'referring-doctor' } },
      {},
      'the referring doctor has no mobile number',
    ],
    [
      'the clinic admin has no mobile',
      { recipient: { type: 'clinic-admin' } },
      {},
      'the clinic admin has no mobile number',
    ],
    [
      'the custom recipient has no address',
      { recipient: { type: 'custom' } },
      {},
      'the custom recipient has no mobile number',
    ],
    [
      'a reminder went out the same day',
      { purpose: 'reminder' },
      { recentDeliveries: [{ at: '2026-05-08T07:00:00Z', channel: 'email', purpose: 'reminder' }] },
      'patient already has a reminder on 2026-05-08 (one reminder per day)',
    ],
    [
      'it expires at once',
      { expiresAfter: { amount: 0, unit: 'minutes' } },
      {},
      'it would go out at or after its expiry (Fri 8 May 2026 12:00)',
    ],
  ])('should skip when %s', (_title, data, overrides, reason) => {
    expect(plan(data, overrides)).toBe(reason);
  });

  it('should skip after an earlier skipped step, but name a lead-time problem first', () => {
    expect(plan({}, {}, { suppressed: 'the wait was skipped' })).toBe('the wait was skipped');
  });

  it.each([
    [
      'the patient language when the template has it',
      { patient: { mobile: '+33600000000', language: 'en' } },
      {},
      'en',
    ],
    ["the clinic's language otherwise", { patient: { mobile: '+33600000000', language: 'de' } }, {}, 'fr'],
    [
      'the first language of the template as a last resort',
      {},
      { template: { byLanguage: { nb: { body: 'Hei' } } } },
      'nb',
    ],
  ])('should write in %s', (_title, overrides, data, language) => {
    expect(plan(data, overrides)).toMatchObject({ language });
  });

  it('should send to a custom number with the sender override, and say when quiet hours moved it', () => {
    const late = DateTime.fromISO('2026-05-08T21:30:00Z');
    const sut = plan(
      { recipient: { type: 'custom', address: '+4791234567' }, sender: { smsName: 'Cabinet' } },
      {},
      { now: late },
    );
    expect(sut).toMatchObject({
      idempotencyKey: 'run:sms:custom:+4791234567',
      recipient: { type: 'custom', address: '+4791234567', name: null },
      sender: { smsName: 'Cabinet' },
      sendAt: '2026-05-09T06:00:00Z',
      note: 'moved later out of quiet hours (23:30 is in the night pause 21:00–08:00)',
    });
  });

  describe('one message per patient per day', () => {
    const merging = {
      clinic: {
        timeZone: 'Europe/Paris',
        limits: { minimumLeadTimeHours: 0, oneReminderPerDay: true, mergeSameDayReminders: true },
      },
    };
    // the sample's appointment is `appointment-sample`; an earlier SMS named it with the patient's other one
    const namedIt = {
      at: '2026-05-08T07:00:00Z',
      channel: 'sms',
      purpose: 'reminder',
      idempotencyKey: 'dlv_first',
      appointmentId: 'appointment-other',
      appointmentIds: ['appointment-other', 'appointment-sample'],
    };

    it('should not send a reminder another one of the day already named, and say which', () => {
      const result = planDelivery(
        smsData({ purpose: 'reminder' }),
        planning({ ...merging, recentDeliveries: [namedIt] }),
      );
      expect(result).toEqual({
        skip: expect.objectContaining({ code: 'merged-same-day', mergedInto: 'dlv_first' }),
      });
    });

    it('should still send a question, one that was not named, or one on another channel', () => {
      const delivery = (result: ReturnType<typeof planDelivery>) => 'delivery' in result;
      const off = {
        clinic: { ...merging.clinic, limits: { ...merging.clinic.limits, oneReminderPerDay: false } },
      };
      const notNamed = { ...namedIt, appointmentIds: ['appointment-other'] };
      expect(
        delivery(
          planDelivery(smsData({ purpose: 'reminder' }), planning({ ...off, recentDeliveries: [notNamed] })),
        ),
      ).toBe(true);
      expect(
        delivery(
          planDelivery(
            smsData({ purpose: 'reminder' }),
            planning({ ...off, recentDeliveries: [{ ...namedIt, channel: 'email' }] }),
          ),
        ),
      ).toBe(true);
      expect(
        delivery(
          planDelivery(
            smsData({ purpose: 'reminder' }),
            planning({ ...off, recentDeliveries: [namedIt] }, { expectsReply: true }),
          ),
        ),
      ).toBe(true);
    });
  });
});
