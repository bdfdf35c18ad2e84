import { inboxChangeSchema, inboxPageSchema, inboxQuerySchema } from './inbox';

describe('inboxQuerySchema', () => {
  it('should read the flags of the query string', () => {
    expect(inboxQuerySchema.parse({ read: 'false', all: 'true' })).toEqual({
      read: false,
      all: true,
      page: 1,
      pageSize: 20,
    });
  });

  it('should refuse a flag that is not true or false', () => {
    expect(inboxQuerySchema.safeParse({ followUp: 'yes' }).success).toBe(false);
  });
});

describe('inboxChangeSchema', () => {
  it.each([
    [{ read: true }, true],
    [{ followUp: false }, true],
    [{}, false],
  ])('should read %p: %p', (change, valid) => {
    expect(inboxChangeSchema.safeParse(change).success).toBe(valid);
  });
});

describe('inboxPageSchema', () => {
  it('should read a page of replies with the unread count', () => {
    const page = {
      items: [
        {
          id: 'rpl_1',
          receivedAt: '2026-03-24T17:05:00.000Z',
          channel: 'sms',
          from: '+33612345678',
          text: 'Je serai en retard',
          patient: { id: 'pat_1', name: 'Léa Martin' },
          deliveryId: null,
          questionText: null,
          appointmentId: 'apt_1',
          appointment: { id: 'apt_1', start: null },
          meaning: 'unknown',
          outcome: 'Waiting in the inbox',
          read: false,
          readAt: null,
          readBy: null,
          followUp: true,
        },
      ],
      total: 1,
      page: 1,
      pageSize: 20,
      unread: 1,
    };
    expect(inboxPageSchema.parse(page)).toEqual(page);
  });
});
