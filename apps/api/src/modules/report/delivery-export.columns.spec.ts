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
