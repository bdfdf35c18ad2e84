import type { DeliveryDocument } from '../deliveries/delivery.document';
import type { PatientDocument } from '../directory/directory.repository';
import type { SettingsDocument } from '../settings/settings.repository';
import { defaultSettings } from '../settings/settings.service';
import { lastChecks } from './last-checks';

// Paris is UTC+1 in March: quiet hours 21:00–08:00 local are 20:00–07:00 UTC.
const settings = (changes: Partial<SettingsDocument> = {}): SettingsDocument =>
  ({
    _id: 'clinic-1',
    clinicId: 'clinic-1',
    ...defaultSettings({ name: 'Cabinet', timeZone: 'Europe/Paris', country: 'FR', defaultLanguage: 'fr' }),
    quietHours: { windows: [{ start: '21:00', end: '08:00' }], noSendWeekdays: [], holidays: [] },
    ...changes,
  }) as SettingsDocument;

const delivery = (changes: Partial<DeliveryDocument> = {}): DeliveryDocument =>
  ({
    _id: 'dlv-1',
    clinicId: 'clinic-1',
    channel: 'sms',
    recipient: { type: 'patient', name: 'Léa Martin', address: '+33612345678' },
    serviceId: 'svc-hygiene',
    resourceId: 'res-martin',
    sendAt: new Date('2026-03-10T09:00:00Z'),
    expiresAt: null,
    ...changes,
  }) as DeliveryDocument;

const patient = (sms: boolean | undefined): PatientDocument =>
  ({
    _id: 'pat-1',
    consent: sms === undefined ? {} : { sms: { granted: sms, purposes: [], source: 'pms', at: new Date(0) } },
  }) as unknown as PatientDocument;

/** A patient whose SMS consent covers these purposes only. */
const patientAgreeingTo = (purposes: string[]): PatientDocument =>
  ({
    _id: 'pat-1',
    consent: { sms: { granted: true, purposes, source: 'pms', at: new Date(0) } },
  }) as unknown as PatientDocument;

const at = (iso: string) => new Date(iso);
const lunchAndNight = [
  { start: '12:00', end: '14:00' },
  { start: '21:00', end: '08:00' },
];

describe(lastChecks.name, () => {
  it.each([
    {
      title: 'a message that may go',
      args: [delivery(), settings(), patient(true), at('2026-03-10T09:00:00Z')],
      check: null,
    },
    {
      title: 'a message past its expiry',
      args: [
        delivery({ expiresAt: at('2026-03-10T09:30:00Z') }),
        settings(),
        patient(true),
        at('2026-03-10T09:30:00Z'),
      ],
      check: {
        outcome: 'expired',
        reason: 'its expiry passed (2026-03-10 10:30)',
        why: expect.objectContaining({ code: 'expired-at-send' }),
      },
    },
    {
      title: 'all communications switched off',
      args: [
        delivery(),
        settings({ communicationsEnabled: false }),
        patient(true),
        at('2026-03-10T09:00:00Z'),
      ],
      check: {
        outcome: 'skipped',
        code: 'communications-off',
        reason: 'all communications are switched off for the clinic',
        why: expect.objectContaining({ code: 'communications-off' }),
      },
    },
    {
      title: 'SMS switched off for the service',
      args: [
        delivery(),
        settings({ channelToggles: { services: { 'svc-hygiene': { sms: false } }, resources: {} } }),
        patient(true),
        at('2026-03-10T09:00:00Z'),
      ],
      check: {
        outcome: 'skipped',
        code: 'channel-off',
        reason: 'SMS is switched off for service svc-hygiene',
        why: expect.objectContaining({ code: 'channel-off-service' }),
      },
    },
    {
      title: 'SMS switched off for the practitioner',
      args: [
        delivery(),
        settings({ channelToggles: { services: {}, resources: { 'res-martin': { sms: false } } } }),
        patient(true),
        at('2026-03-10T09:00:00Z'),
      ],
      check: {
        outcome: 'skipped',
        code: 'channel-off',
        reason: 'SMS is switched off for res-martin',
        why: expect.objectContaining({ code: 'channel-off-resource' }),
      },
    },
    {
      title: 'consent withdrawn since planning',
      args: [delivery(), settings(), patient(false), at('2026-03-10T09:00:00Z')],
      check: {
        outcome: 'skipped',
        code: 'no-consent',
        reason: 'patient has withdrawn SMS consent',
        why: expect.objectContaining({ code: 'consent-withdrawn' }),
      },
    },
    {
      title: 'no consent in an opt-in clinic',
      args: [delivery(), settings(), patient(undefined), at('2026-03-10T09:00:00Z')],
      check: {
        outcome: 'skipped',
        code: 'no-consent',
        reason: 'no SMS consent (the clinic asks for opt-in)',
        why: expect.objectContaining({ code: 'consent-opt-in' }),
      },
    },
    {
      title: 'a recall to a patient who agreed to reminders only',
      args: [
        delivery({ purpose: 'recall' }),
        settings(),
        patientAgreeingTo(['reminders']),
        at('2026-03-10T09:00:00Z'),
      ],
      check: {
        outcome: 'skipped',
        code: 'no-consent',
        reason: "no consent for recall messages (the patient's SMS consent covers reminders)",
        why: expect.objectContaining({ code: 'consent-purpose-patient' }),
      },
    },
    {
      title: 'a recall in a clinic whose consent covers reminders only',
      args: [
        delivery({ purpose: 'recall' }),
        settings({ consent: { mode: 'opt-in', purposes: ['reminders'] } }),
        patientAgreeingTo([]),
        at('2026-03-10T09:00:00Z'),
      ],
      check: {
        outcome: 'skipped',
        code: 'no-consent',
        reason: "no consent for recall messages (the clinic's consent covers reminders)",
        why: expect.objectContaining({ code: 'consent-purpose-clinic' }),
      },
    },
    {
      title: 'a reminder to a patient who agreed to reminders only',
      args: [
        delivery({ purpose: 'reminder' }),
        settings(),
        patientAgreeingTo(['reminders']),
        at('2026-03-10T09:00:00Z'),
      ],
      check: null,
    },
    {
      title: 'a retry pushed into the night',
      args: [delivery(), settings(), patient(true), at('2026-03-10T21:30:00Z')],
      check: {
        outcome: 'later',
        at: at('2026-03-11T07:00:00Z'),
        reason: expect.stringMatching(/: moved to 2026-03-11 08:00$/),
        why: expect.objectContaining({ code: 'moved-at-send' }),
      },
    },
    {
      title: 'a retry pushed into the second window (lunch 12:00–14:00 besides the night)',
      args: [
        delivery(),
        settings({ quietHours: { windows: lunchAndNight, noSendWeekdays: [], holidays: [] } }),
        patient(true),
        at('2026-03-10T11:30:00Z'),
      ],
      check: {
        outcome: 'later',
        at: at('2026-03-10T13:00:00Z'),
        reason: '12:30 is in the quiet hours 12:00–14:00: moved to 2026-03-10 14:00',
        why: expect.objectContaining({ code: 'moved-at-send' }),
      },
    },
    {
      title: 'a retry in the night with two windows',
      args: [
        delivery(),
        settings({ quietHours: { windows: lunchAndNight, noSendWeekdays: [], holidays: [] } }),
        patient(true),
        at('2026-03-10T21:30:00Z'),
      ],
      check: {
        outcome: 'later',
        at: at('2026-03-11T07:00:00Z'),
        reason: '22:30 is in the night pause 21:00–08:00: moved to 2026-03-11 08:00',
        why: expect.objectContaining({ code: 'moved-at-send' }),
      },
    },
    {
      title: 'a retry pushed into the night, past its expiry by morning',
      args: [
        delivery({ expiresAt: at('2026-03-11T06:00:00Z') }),
        settings(),
        patient(true),
        at('2026-03-10T21:30:00Z'),
      ],
      check: {
        outcome: 'skipped',
        code: 'quiet-hours',
        reason: expect.stringMatching(/, and the next allowed moment is past its expiry$/),
        why: expect.objectContaining({ code: 'quiet-no-room-at-send' }),
      },
    },
    {
      title: 'a message planned in the night on purpose (its step ignores quiet hours)',
      args: [
        delivery({ sendAt: at('2026-03-10T21:30:00Z') }),
        settings(),
        patient(true),
        at('2026-03-10T21:30:00Z'),
      ],
      check: null,
    },
    {
      title: 'a message to staff at night without their consent',
      args: [
        delivery({ recipient: { type: 'resource', name: 'Dr Martin', address: '+33612345679' } }),
        settings(),
        null,
        at('2026-03-10T21:30:00Z'),
      ],
      check: null,
    },
  ] as const)('should decide on $title', ({ args, check }) => {
    expect(lastChecks(...(args as Parameters<typeof lastChecks>))).toEqual(check);
  });

  it('should honour quiet hours changed since the last send (each settings read has its own calendar)', () => {
    const lunch = at('2026-03-10T11:30:00Z');
    const before = settings();
    const after = settings({ quietHours: { windows: lunchAndNight, noSendWeekdays: [], holidays: [] } });
    expect(lastChecks(delivery(), before, patient(true), lunch)).toBeNull();
    expect(lastChecks(delivery(), after, patient(true), lunch)).toEqual(
      expect.objectContaining({ outcome: 'later', at: at('2026-03-10T13:00:00Z') }),
    );
    // The same settings document asked again answers the same (its calendar is kept).
    expect(lastChecks(delivery(), before, patient(true), lunch)).toBeNull();
  });
});
