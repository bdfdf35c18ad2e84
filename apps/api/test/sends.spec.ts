import { staffNoticeFlow } from '@clinicflow/rules';
import { externalDocumentId } from '../src/common/ids';
import { EngineService } from '../src/modules/engine/engine.service';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { TestClinic, useTestContext } from './test-app';
import { TestClock } from './test-clock';

const apt = (clinic: TestClinic, externalId: string) =>
  externalDocumentId('apt', clinic.clinicId, externalId);

describe('ad-hoc sends', () => {
  const clock = new TestClock('2026-04-01T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  const other = ctx.clinic();
  const drain = () => ctx.app.get(EngineService).drain();

  /** A booking of `patient` with `mobile` (null: none) on a clinic-local start. */
  const book = (
    id: string,
    start: string,
    patient: string,
    mobile: string | null,
    resource = 'R-DUPONT',
    insurer?: string,
  ) => {
    const event = bookingEvent(id, id, start, { patient, resource });
    return engine
      .post(clinic, { ...event, patient: { ...event.patient, firstName: patient, mobile, insurer } })
      .expect(202);
  };

  beforeAll(async () => {
    await engine.settings(clinic, {
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
      providers: { sms: { kind: 'sandbox', options: { receipts: false } } },
    });
    await book('B-1', '2026-04-06T09:00', 'Léa', '06 12 34 56 78');
    await book('B-2', '2026-04-06T10:00', 'Hugo', '+33 6 12 34 56 78'); // Léa's phone (family)
    await book('B-3', '2026-04-07T11:00', 'Inès', '06 98 76 54 32', 'R-DUPONT', 'MGEN');
    await book('B-4', '2026-04-07T12:00', 'Tom', null);
    await book('B-5', '2026-04-08T09:00', 'Zoé', '06 11 22 33 44', 'R-OTHER');
    await book('B-out', '2026-04-20T09:00', 'Paul', '06 55 44 33 22');
  });

  describe('POST /api/sends', () => {
    it.each([
      ['nothing', {}, ['body.channel', 'body.template']],
      ['no recipient', { channel: 'sms', template: { body: 'x' } }, ['body.to']],
      [
        'both a patient and a number',
        { channel: 'sms', patientId: 'p', to: '0612345678', template: { body: 'x' } },
        ['body.to'],
      ],
      ['no text', { channel: 'sms', to: '0612345678', template: {} }, ['body.template.body']],
      ['an unknown channel', { channel: 'fax', to: '0612345678', template: { body: 'x' } }, ['body.channel']],
      [
        'an expiry before the send time',
        {
          channel: 'sms',
          to: '0612345678',
          template: { body: 'x' },
          sendAt: '2026-04-02T10:00:00Z',
          expiresAt: '2026-04-02T09:00:00Z',
        },
        ['body.expiresAt'],
      ],
      ['a landline for SMS', { channel: 'sms', to: '01 42 68 53 00', template: { body: 'x' } }, ['body.to']],
      ['an e-mail that is not one', { channel: 'email', to: 'léa@', template: { body: 'x' } }, ['body.to']],
      [
        'a text that does not parse',
        { channel: 'sms', to: '0612345678', template: { body: 'Bonjour {{patient.firstName' } },
        ['body.template.body'],
      ],
      [
        'a patient’s field in a message to a bare number',
        { channel: 'sms', to: '0612345678', template: { body: 'Bonjour {{patient.firstName}}' } },
        ['body.template.body'],
      ],
      [
        'an unknown saved template',
        { channel: 'sms', to: '0612345678', template: { templateId: 'tpl_nope' } },
        ['body.template.templateId'],
      ],
      [
        'an unknown patient',
        { channel: 'sms', patientId: 'pat_nope', template: { body: 'x' } },
        ['body.patientId'],
      ],
      [
        'a time in the past',
        { channel: 'sms', to: '0612345678', template: { body: 'x' }, sendAt: '2026-03-01T00:00:00Z' },
        ['body.sendAt'],
      ],
    ])('should answer 400 naming the field for %s', async (_title, body, paths) => {
      const answer = await ctx.as(clinic).post('/api/sends', body).expect(400);
      expect(answer.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(paths);
    });

    it('should say why a patient without a mobile cannot get an SMS', async () => {
      const { body: appointment } = await ctx
        .as(clinic)
        .get(`/api/appointments/${apt(clinic, 'B-4')}`)
        .expect(200);
      const answer = await ctx
        .as(clinic)
        .post('/api/sends', { channel: 'sms', patientId: appointment.patientId, template: { body: 'x' } })
        .expect(400);
      expect(answer.body.errors).toEqual([
        { path: 'body.patientId', message: 'The patient has no mobile number.' },
      ]);
    });

    it('should send a message to any number now', async () => {
      const answer = await ctx
        .as(clinic, clinic.staffToken)
        .post('/api/sends', {
          channel: 'sms',
          to: '06 98 76 54 32',
          name: 'M. Petit',
          template: { body: 'Le cabinet est fermé lundi.' },
        })
        .expect(201);
      expect(answer.body).toMatchObject({
        origin: 'one-off',
        status: 'scheduled',
        channel: 'sms',
        recipient: { type: 'custom', name: 'M. Petit', address: '+33698765432' },
        sendAt: '2026-04-01T08:00:00.000Z',
      });
      await drain();
      const { body } = await ctx.as(clinic).get(`/api/deliveries/${answer.body.id}`).expect(200);
      expect(body).toMatchObject({ status: 'sent', text: 'Le cabinet est fermé lundi.' });
    });

    it('should send to a patient at a chosen time, with the patient’s name in the text', async () => {
      const { body: appointment } = await ctx
        .as(clinic)
        .get(`/api/appointments/${apt(clinic, 'B-3')}`)
        .expect(200);
      const answer = await ctx
        .as(clinic)
        .post('/api/sends', {
          channel: 'sms',
          patientId: appointment.patientId,
          template: { body: 'Bonjour {{patient.firstName}}, merci de rappeler le cabinet.' },
          sendAt: '2026-04-01T12:00:00+02:00',
        })
        .expect(201);
      expect(answer.body).toMatchObject({
        status: 'scheduled',
        sendAt: '2026-04-01T10:00:00.000Z',
        recipient: { type: 'patient', name: 'Inès Martin', address: '+33698765432' },
        patientId: appointment.patientId,
      });
      await drain();
      expect((await ctx.as(clinic).get(`/api/deliveries/${answer.body.id}`)).body.status).toBe('scheduled');
      clock.set('2026-04-01T10:00:00Z');
      await drain();
      const { body } = await ctx.as(clinic).get(`/api/deliveries/${answer.body.id}`).expect(200);
      expect(body).toMatchObject({ status: 'sent', text: 'Bonjour Inès, merci de rappeler le cabinet.' });
    });
  });

  describe('batch sends', () => {
    const query = { from: '2026-04-06', to: '2026-04-08', channel: 'sms' };

    it('should preview the appointments of the range with their numbers, saying why one cannot be sent', async () => {
      const { body } = await ctx.as(clinic).post('/api/batch-sends/preview', query).expect(200);
      expect(body.items.map((r: { id: string }) => r.id)).toEqual(
        ['B-1', 'B-2', 'B-3', 'B-4', 'B-5'].map((id) => apt(clinic, id)),
      );
      expect(body).toMatchObject({ total: 5, sendable: 4 });
      expect(body.items[3]).toMatchObject({ address: null, problem: 'The patient has no mobile number.' });
      expect(body.items[1]).toMatchObject({ address: '+33612345678', patient: { name: 'Hugo Martin' } });
    });

    it.each([
      ['a resource without appointments', { resourceId: 'res_none' }, []],
      ['sent', { sent: 'sent' }, []],
      ['not-sent', { sent: 'not-sent' }, ['B-1', 'B-2', 'B-3', 'B-4', 'B-5']],
      ['a single day', { from: '2026-04-07', to: '2026-04-07' }, ['B-3', 'B-4']],
      ['insurer (as the PMS names it, any case)', { insurer: 'mgen' }, ['B-3']],
    ])('should filter the preview by %s', async (_title, extra, expected) => {
      const { body } = await ctx
        .as(clinic)
        .post('/api/batch-sends/preview', { ...query, ...extra })
        .expect(200);
      expect(body.items.map((r: { id: string }) => r.id)).toEqual(expected.map((id) => apt(clinic, id)));
    });

    it('should filter the preview by resource', async () => {
      const { body: b5 } = await ctx
        .as(clinic)
        .get(`/api/appointments/${apt(clinic, 'B-5')}`)
        .expect(200);
      const { body } = await ctx
        .as(clinic)
        .post('/api/batch-sends/preview', { ...query, resourceId: b5.resourceId })
        .expect(200);
      expect(body.items.map((r: { id: string }) => r.id)).toEqual([apt(clinic, 'B-5')]);
    });

    it.each([
      ['an end before the start', { from: '2026-04-08', to: '2026-04-06' }, 'body.to'],
      ['a day that is not one', { from: '6 avril', to: '2026-04-06' }, 'body.from'],
      ['an unknown channel', { ...query, channel: 'fax' }, 'body.channel'],
    ])('should answer 400 naming the field for %s', async (_title, body, path) => {
      const answer = await ctx.as(clinic).post('/api/batch-sends/preview', body).expect(400);
      expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    });

    it('should send one message per phone, leave out removed rows and show the progress', async () => {
      const created = await ctx
        .as(clinic)
        .post('/api/batch-sends', {
          name: 'Fermeture',
          query,
          removed: [apt(clinic, 'B-5')],
          onePerPhone: true,
          template: {
            body: 'Bonjour {{patient.firstName}}, votre RDV du {{date appointment.start "d MMMM"}} est maintenu.',
          },
        })
        .expect(201);
      expect(created.body).toMatchObject({
        name: 'Fermeture',
        recipients: 2,
        progress: { total: 2, byStatus: { scheduled: 2 } },
      });
      expect(created.body.leftOut).toEqual(
        expect.arrayContaining([
          { id: apt(clinic, 'B-2'), reason: 'Same phone number (+33612345678) as another recipient.' },
          { id: apt(clinic, 'B-4'), reason: 'The patient has no mobile number.' },
          { id: apt(clinic, 'B-5'), reason: 'Removed from the list by hand.' },
        ]),
      );
      expect(created.body.leftOut).toHaveLength(3);

      await drain();
      const { body } = await ctx.as(clinic).get(`/api/batch-sends/${created.body.id}`).expect(200);
      expect(body.progress).toEqual({ total: 2, byStatus: { sent: 2 } });
      const report = await ctx.as(clinic).get(`/api/deliveries?batchId=${created.body.id}`).expect(200);
      expect(report.body.items.map((d: { text: string }) => d.text).sort()).toEqual([
        'Bonjour Inès, votre RDV du 7 avril est maintenu.',
        'Bonjour Léa, votre RDV du 6 avril est maintenu.',
      ]);

      // Those sent are now "already sent" for the next batch.
      const next = await ctx
        .as(clinic)
        .post('/api/batch-sends/preview', { ...query, sent: 'not-sent' })
        .expect(200);
      expect(next.body.items.map((r: { id: string }) => r.id)).toEqual(
        ['B-2', 'B-4', 'B-5'].map((id) => apt(clinic, id)),
      );
    });

    it('should answer 400 naming the field for a text that does not parse', async () => {
      const answer = await ctx
        .as(clinic)
        .post('/api/batch-sends', { query, template: { body: 'RDV le {{date appointment.start' } })
        .expect(400);
      expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.template.body']);
    });

    it('should send to every row without the one-per-phone flag', async () => {
      const created = await ctx
        .as(clinic)
        .post('/api/batch-sends', {
          query: { ...query, from: '2026-04-06', to: '2026-04-06' },
          template: { body: 'Info' },
        })
        .expect(201);
      expect(created.body).toMatchObject({ recipients: 2, leftOut: [] });
    });

    it('should refuse a batch with nobody left, and hide a clinic’s batch from another', async () => {
      const empty = await ctx
        .as(clinic)
        .post('/api/batch-sends', {
          query: { ...query, from: '2026-05-01', to: '2026-05-02' },
          template: { body: 'x' },
        })
        .expect(400);
      expect(empty.body.errors[0].path).toBe('body.query');
      const created = await ctx
        .as(clinic)
        .post('/api/batch-sends', {
          query: { ...query, from: '2026-04-07', to: '2026-04-07' },
          template: { body: 'x' },
        })
        .expect(201);
      await ctx.as(other).get(`/api/batch-sends/${created.body.id}`).expect(404);
    });
  });

  describe('staff notices (F10)', () => {
    const staff = ctx.clinic();

    it('should skip, with the reason, a notice to a practitioner without an address, and send it once there is one', async () => {
      await engine.publish(staff, staffNoticeFlow);
      const event = bookingEvent('N-1', 'N-1', '2026-04-09T09:00', { resource: 'R-NOBODY' });
      await engine.post(staff, event).expect(202);
      const [skipped] = await engine.deliveries(staff, { appointmentId: apt(staff, 'N-1') });
      expect(skipped).toMatchObject({ status: 'skipped', recipient: { type: 'resource', address: null } });
      expect(skipped.reason).toMatch(/has no e-mail address/);

      await ctx
        .as(staff)
        .put('/api/resources/by-external-id/R-MARTIN', { name: 'Dr Martin', email: 'martin@cabinet.example' })
        .expect(200);
      await engine
        .post(staff, bookingEvent('N-2', 'N-2', '2026-04-09T10:00', { resource: 'R-MARTIN' }))
        .expect(202);
      const [notice] = await engine.deliveries(staff, { appointmentId: apt(staff, 'N-2') });
      expect(notice).toMatchObject({
        status: 'scheduled',
        channel: 'email',
        recipient: { type: 'resource', address: 'martin@cabinet.example' },
      });
    });
  });
});
