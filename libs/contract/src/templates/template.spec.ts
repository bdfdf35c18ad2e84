import { templateListQuerySchema, templatePageSchema, templateSchema } from './template';

const sms = {
  name: 'Rappel 24 h',
  channel: 'sms',
  variants: { fr: { body: 'Bonjour {{patient.firstName}}' } },
};

const problemPaths = (value: unknown) =>
  (templateSchema.safeParse(value).error?.issues ?? []).map((i) => i.path.join('.'));

describe('templateSchema', () => {
  it('should default the purpose to reminders', () => {
    expect(templateSchema.parse(sms)).toEqual({ ...sms, purpose: 'reminders' });
  });

  it.each([
    { path: 'name', patch: { name: ' ' } },
    { path: 'channel', patch: { channel: 'fax' } },
    { path: 'variants', patch: { variants: {} } },
    { path: 'variants.fr.body', patch: { variants: { fr: { body: '' } } } },
    { path: 'variants.fr.subject', patch: { channel: 'email' } },
    { path: 'sender.emailFromAddress', patch: { sender: { emailFromAddress: 'nobody' } } },
  ])('should refuse a bad $path', ({ path, patch }) => {
    expect(problemPaths({ ...sms, ...patch })).toEqual([path]);
  });
});

describe('templateListQuerySchema', () => {
  it('should read a channel and a search', () => {
    expect(templateListQuerySchema.parse({ channel: 'email', q: 'rappel' })).toEqual({
      channel: 'email',
      q: 'rappel',
      page: 1,
      pageSize: 20,
    });
  });
});

describe('templatePageSchema', () => {
  it('should read saved templates', () => {
    const template = {
      ...sms,
      id: 'tpl_1',
      purpose: 'reminders',
      sender: { smsSenderName: 'CabLilas' },
      createdAt: '2026-03-20T10:00:00.000Z',
      updatedAt: '2026-03-20T10:00:00.000Z',
      updatedBy: 'x@y.fr',
    };
    const page = { items: [template], total: 1, page: 1, pageSize: 100 };
    expect(templatePageSchema.parse(page)).toEqual(page);
  });
});
