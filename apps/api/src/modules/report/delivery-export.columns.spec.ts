import { EXPORT_COLUMNS, type ExportContext, type ExportedDelivery } from './delivery-export.columns';

const context = (language: 'en' | 'fr'): ExportContext => ({
  zone: 'Europe/Paris',
  language,
  flowNames: new Map(),
  userNames: new Map([['accueil@cabinet.fr', 'Accueil']]),
});
const cell = (header: string, delivery: Partial<ExportedDelivery>, language: 'en' | 'fr' = 'en') =>
  EXPORT_COLUMNS.find((column) => column.header.en === header)!.value(
    delivery as ExportedDelivery,
    context(language),
  );

describe('the export’s "sent by" and "sender" columns', () => {
  it.each([
    [{ sentBy: 'engine' }, 'en', 'engine'],
    [{ sentBy: 'engine' }, 'fr', 'automatique'],
    [{ sentBy: 'accueil@cabinet.fr' }, 'en', 'Accueil (accueil@cabinet.fr)'],
    [{ sentBy: 'parti@cabinet.fr' }, 'en', 'parti@cabinet.fr'],
  ] as const)('should write %p in %s as %p', (delivery, language, expected) => {
    expect(cell('sent by', delivery, language)).toBe(expected);
  });

  it('should write the sender the message went out with, or nothing before it went', () => {
    expect(cell('sender', { from: 'CabLilas' })).toBe('CabLilas');
    expect(cell('sender', { from: null })).toBeNull();
  });
});

describe('the export’s "error" and "step" columns', () => {
  const skipped = {
    status: 'skipped',
    channel: 'sms',
    reason: 'SMS is switched off for service Soins',
    why: { code: 'channel-off-service', params: { channel: 'sms', service: 'Soins' } },
  } as const;

  it.each([
    ['en', 'SMS is switched off for the service Soins'],
    ['fr', 'SMS est désactivé pour la prestation Soins'],
  ] as const)('should word a skip’s reason in the file’s language (%s)', (language, expected) => {
    expect(cell('error', skipped, language)).toBe(expected);
  });

  it('should put the times of a reason in the clinic’s zone, as the time columns do', () => {
    const moved = {
      why: {
        code: 'expired-at-send' as const,
        params: { expiresAt: '2026-12-04T23:30:00.000Z' },
      },
      reason: 'its expiry passed (2026-12-05 00:30)',
    };
    expect(cell('error', moved, 'fr')).toBe('Son expiration est passée (2026-12-05 00:30)');
  });

  it('should keep the stored sentence of a reason without a code, and a provider’s error as it came', () => {
    expect(cell('error', { reason: 'an old reason' }, 'fr')).toBe('an old reason');
    expect(cell('error', { error: { code: 'x', reason: 'The number does not exist' } }, 'fr')).toBe(
      'The number does not exist',
    );
  });

  it.each([
    ['en', 'SMS (patient)'],
    ['fr', 'SMS (patient)'],
  ] as const)('should say what an unnamed step sends, never its id (%s)', (language, expected) => {
    const delivery = { flowId: 'f1', nodeId: 'sms-booked', channel: 'sms', recipient: { type: 'patient' } };
    expect(cell('step', delivery as Partial<ExportedDelivery>, language)).toBe(expected);
  });

  it('should say the e-mail to a practitioner in French', () => {
    const delivery = { flowId: 'f1', nodeId: 'mail-1', channel: 'email', recipient: { type: 'resource' } };
    expect(cell('step', delivery as Partial<ExportedDelivery>, 'fr')).toBe('e-mail (praticien)');
  });
});
