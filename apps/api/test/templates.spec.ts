import { useTestContext } from './test-app';

const sms = {
  name: 'Rappel 24 h',
  channel: 'sms',
  variants: {
    fr: {
      body: 'Bonjour {{patient.firstName}}, RDV le {{date appointment.start "EEEE d MMMM"}} à {{time appointment.start}}.',
    },
    en: { body: 'Hello {{patient.firstName}}.' },
  },
};

describe('templates and preview', () => {
  const ctx = useTestContext();
  const a = ctx.clinic();
  const b = ctx.clinic();

  const { as } = ctx;

  describe('templates', () => {
    it('should create, read, list by channel, replace and delete', async () => {
      const created = await as(a).post('/api/templates', sms).expect(201);
      expect(created.body).toMatchObject({ name: 'Rappel 24 h', channel: 'sms', purpose: 'reminders' });
      await as(a).get(`/api/templates/${created.body.id}`).expect(200);
      const list = await as(a).get('/api/templates?channel=sms&q=rappel').expect(200);
      expect(list.body.items.map((t: { id: string }) => t.id)).toContain(created.body.id);
      expect((await as(a).get('/api/templates?channel=email').expect(200)).body.total).toBe(0);
      const replaced = await as(a)
        .put(`/api/templates/${created.body.id}`, { ...sms, name: 'Rappel J-1' })
        .expect(200);
      expect(replaced.body.name).toBe('Rappel J-1');
      await as(a).delete(`/api/templates/${created.body.id}`).expect(200);
      await as(a).get(`/api/templates/${created.body.id}`).expect(404);
    });

    it.each([
      {
        path: 'body.variants.fr.body',
        title: 'an unknown variable',
        patch: { variants: { fr: { body: 'Hi {{patient.nickname}}' } } },
      },
      {
        path: 'body.variants.fr.body',
        title: 'bad syntax',
        patch: { variants: { fr: { body: 'Hi {{patient.firstName' } } },
      },
      { path: 'body.variants', title: 'an unknown language', patch: { variants: { xx: { body: 'Hi' } } } },
      { path: 'body.variants', title: 'no language', patch: { variants: {} } },
      { path: 'body.channel', title: 'an unknown channel', patch: { channel: 'fax' } },
      {
        path: 'body.variants.fr.subject',
        title: 'an e-mail without subject',
        patch: { channel: 'email', variants: { fr: { body: 'Hi' } } },
      },
      {
        path: 'body.sender.smsSenderName',
        title: 'a bad sender',
        patch: { sender: { smsSenderName: 'Much Too Long Name' } },
      },
      { path: 'body.name', title: 'no name', patch: { name: '' } },
    ])('should answer 400 naming $path for $title', async ({ path, patch }) => {
      const res = await as(a)
        .post('/api/templates', { ...sms, ...patch })
        .expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    });

    it('should name the unknown variable', async () => {
      const res = await as(a)
        .post('/api/templates', { ...sms, variants: { fr: { body: 'Hi {{patient.nickname}}' } } })
        .expect(400);
      expect(res.body.errors[0].message).toContain('patient.nickname');
    });

    it("should answer 404 for another clinic's template on every route", async () => {
      const created = await as(a).post('/api/templates', sms).expect(201);
      await as(b).get(`/api/templates/${created.body.id}`).expect(404);
      await as(b).put(`/api/templates/${created.body.id}`, sms).expect(404);
      await as(b).delete(`/api/templates/${created.body.id}`).expect(404);
      expect((await as(b).get('/api/templates').expect(200)).body.total).toBe(0);
    });

    it('should refuse staff writes with 403', async () => {
      await as(a, a.staffToken).post('/api/templates', sms).expect(403);
      await as(a, a.staffToken).get('/api/templates').expect(200);
    });
  });

  describe('POST /api/messages/preview', () => {
    it('should render the api.md example', async () => {
      const res = await as(a, a.staffToken)
        .post('/api/messages/preview', {
          channel: 'sms',
          template: {
            body: 'Bonjour {{patient.firstName}}, RDV le {{date appointment.start "EEEE d MMMM"}} à {{time appointment.start}}.',
          },
          language: 'fr',
        })
        .expect(200);
      expect(res.body).toEqual({
        text: 'Bonjour Léa, RDV le jeudi 3 décembre à 09:30.',
        subject: null,
        encoding: 'GSM-7',
        characters: 45,
        segments: 1,
        credits: 1,
        errors: [],
      });
    });

    it('should answer a template error with 200 and no text', async () => {
      const res = await as(a)
        .post('/api/messages/preview', { channel: 'sms', template: { body: 'Hi {{patient.nickname}}' } })
        .expect(200);
      expect(res.body).toMatchObject({ text: null, errors: [{ path: 'template.body' }] });
    });

    it('should count UCS-2 for text outside GSM-7', async () => {
      const res = await as(a)
        .post('/api/messages/preview', { channel: 'sms', template: { body: 'Привет {{patient.firstName}}' } })
        .expect(200);
      expect(res.body).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    });

    it('should use the context given', async () => {
      const res = await as(a)
        .post('/api/messages/preview', {
          channel: 'sms',
          template: { body: 'Bonjour {{patient.firstName}}' },
          context: { patient: { firstName: 'Jean' } },
        })
        .expect(200);
      expect(res.body.text).toBe('Bonjour Jean');
    });

    it.each([
      { path: 'body.channel', body: { channel: 'fax', template: { body: 'x' } } },
      { path: 'body.template', body: { channel: 'sms' } },
      { path: 'body.template.body', body: { channel: 'sms', template: { body: 42 } } },
      {
        path: 'body.context.patient',
        body: { channel: 'sms', template: { body: 'x' }, context: { patient: 'Léa' } },
      },
    ])('should answer 400 naming $path', async ({ path, body }) => {
      const res = await as(a).post('/api/messages/preview', body).expect(400);
      expect(res.body.errors[0].path).toBe(path);
    });
  });
});
