import { serviceStatusSchema } from './service-status';

const channel = {
  enabled: true,
  provider: 'sandbox',
  lastSentAt: null,
  lastError: null,
  waiting: 0,
  sentToday: 0,
};

describe('serviceStatusSchema', () => {
  const status = {
    at: '2026-03-24T08:30:00.000Z',
    communicationsEnabled: true,
    testMode: true,
    waiting: 2,
    sentToday: 10,
    oldestDueAt: null,
    dispatcherLagSeconds: 0,
    channels: {
      sms: {
        ...channel,
        lastError: {
          at: '2026-03-24T08:00:00.000Z',
          deliveryId: 'dlv_1',
          code: 'rejected',
          reason: 'bad number',
        },
      },
      email: channel,
      voice: { ...channel, enabled: false },
      whatsapp: { ...channel, enabled: false },
    },
    consent: {
      mode: 'opt-in',
      patients: 40,
      withoutConsent: { sms: 12, email: 40, voice: 40, whatsapp: 40 },
    },
    eventsSetAside: {
      count: 1,
      items: [
        {
          id: 'pms-evt-9',
          type: 'appointment.booked',
          receivedAt: '2026-03-24T06:00:00.000Z',
          attempts: 10,
          lastError: 'MongoServerError (code 121): message withheld from the log',
          setAsideAt: '2026-03-24T08:10:00.000Z',
        },
      ],
    },
  };

  it('should read the status of every channel', () => {
    expect(serviceStatusSchema.parse(status)).toEqual(status);
  });

  it('should refuse a status missing a channel', () => {
    const { voice: _voice, ...channels } = status.channels;
    expect(serviceStatusSchema.safeParse({ ...status, channels }).success).toBe(false);
  });

  it('should read a clinic not in opt-in mode without counts', () => {
    const consent = { mode: 'all-with-valid-contact', patients: null, withoutConsent: null };
    expect(serviceStatusSchema.parse({ ...status, consent }).consent).toEqual(consent);
  });
});
