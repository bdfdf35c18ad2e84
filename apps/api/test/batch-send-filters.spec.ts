import { externalDocumentId } from '../src/common/ids';
import { EngineService } from '../src/modules/engine/engine.service';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

/** A CSV answer as rows of fields (RFC 4180 as the exports write it: every field quoted, CRLF). */
function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.slice(1, -1).split('","'));
}

/**
 * F11, who a batch goes to: the patient's group, the specialty (the service's group or the practitioner's
 * specialty) and the insurer; every patient with a valid contact without any appointment; and the list as a CSV
 * file before sending, with why a row cannot be sent. The clinic asks for opt-in: a patient without SMS
 * consent is listed with the reason, as one without a mobile.
 */
describe('batch sends: filters, every patient, the list as a file (F11)', () => {
  const clock = new TestClock('2026-04-01T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  const apt = (id: string) => externalDocumentId('apt', clinic.clinicId, id);
  const pat = (id: string) => externalDocumentId('pat', clinic.clinicId, id);
  const week = { from: '2026-04-06', to: '2026-04-10' };

  /** A booking of a patient (with a mobile unless null), their groups and insurer, of a service and practitioner. */
  const book = async (
    id: string,
    start: string,
    patient: { id: string; firstName: string; mobile?: string | null; groups?: string[]; insurer?: string },
    service: string,
    resource: string,
  ) => {
    const event = bookingEvent(id, id, start, { patient: patient.id, service, resource });
    const { id: _externalId, ...fields } = patient;
    await engine
      .post(clinic, { ...event, patient: { ...event.patient, lastName: 'Martin', ...fields } })
      .expect(202);
  };
  const consent = (patient: string) =>
    ctx
      .as(clinic)
      .post(`/api/patients/${pat(patient)}/consent`, { channel: 'sms', granted: true })
      .expect((answer) => expect(answer.status).toBeLessThan(300));

  beforeAll(async () => {
    await engine.settings(clinic, {
      consent: { mode: 'opt-in', purposes: ['reminders', 'recall', 'surveys'] },
      providers: { sms: { kind: 'sandbox', options: { receipts: false } } },
    });
    const put = (kind: string, externalId: string, body: object) =>
      ctx.as(clinic).put(`/api/${kind}/by-external-id/${externalId}`, body).expect(200);
    await put('services', 'S-ALIGN', { name: 'Aligneurs', group: 'Orthodontie' });
    await put('services', 'S-SOIN', { name: 'Soin', group: 'Soins dentaires' });
    await put('resources', 'R-ORTHO', { name: 'Dr Ortho', specialty: 'Orthodontie' });
    await put('resources', 'R-DUPONT', { name: 'Dr Dupont', specialty: 'Omnipratique' });
    const lea = { id: 'P-LEA', firstName: 'Léa', groups: ['Diabète'], insurer: 'MGEN' };
    await book('A-1', '2026-04-06T10:00', lea, 'S-ALIGN', 'R-DUPONT');
    await book('A-2', '2026-04-06T11:00', { id: 'P-HUGO', firstName: 'Hugo' }, 'S-SOIN', 'R-ORTHO');
    await book(
      'A-3',
      '2026-04-07T09:00',
      { id: 'P-INES', firstName: 'Inès', groups: ['Enfants'] },
      'S-SOIN',
      'R-DUPONT',
    );
    await book(
      'A-4',
      '2026-04-08T09:00',
      { id: 'P-ZOE', firstName: 'Zoé', mobile: null },
      'S-SOIN',
      'R-DUPONT',
    );
    // Paul has no appointment this week: only a batch of every patient finds him.
    await book(
      'A-later',
      '2026-05-20T09:00',
      { id: 'P-PAUL', firstName: 'Paul', groups: ['diabète'] },
      'S-SOIN',
      'R-DUPONT',
    );
    for (const patient of ['P-LEA', 'P-INES', 'P-PAUL', 'P-ZOE']) await consent(patient);
  });

  it.each([
    ['a patient group (any case)', { patientGroup: 'DIABÈTE' }, ['A-1']],
    [
      'a specialty: the service’s group or the practitioner’s specialty',
      { specialty: 'orthodontie' },
      ['A-1', 'A-2'],
    ],
    ['an insurer', { insurer: 'mgen' }, ['A-1']],
    ['a group nobody is in', { patientGroup: 'Seniors' }, []],
  ])('should pick appointments by %s', async (_title, filter, expected) => {
    const { body } = await ctx
      .as(clinic)
      .post('/api/batch-sends/preview', { ...week, ...filter })
      .expect(200);
    expect(body.items.map((row: { id: string }) => row.id)).toEqual(expected.map(apt));
  });

  it('should say why a row cannot be sent: no consent in an opt-in clinic, no mobile', async () => {
    const { body } = await ctx.as(clinic).post('/api/batch-sends/preview', week).expect(200);
    expect(
      Object.fromEntries(body.items.map((row: { id: string; problem: string }) => [row.id, row.problem])),
    ).toEqual({
      [apt('A-1')]: null,
      [apt('A-2')]: 'No SMS consent (the clinic asks for opt-in).',
      [apt('A-3')]: null,
      [apt('A-4')]: 'The patient has no mobile number.',
    });
    expect(body).toMatchObject({ total: 4, sendable: 2 });
  });

  it('should list every patient with the reason for those who cannot receive it, by group too', async () => {
    const all = await ctx.as(clinic).post('/api/batch-sends/preview', { mode: 'patients' }).expect(200);
    expect(
      all.body.items.map((row: { id: string; appointmentId: string | null; problem: string | null }) => [
        row.id,
        row.appointmentId,
        row.problem,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [pat('P-LEA'), null, null],
        [pat('P-HUGO'), null, 'No SMS consent (the clinic asks for opt-in).'],
        [pat('P-PAUL'), null, null],
        [pat('P-ZOE'), null, 'The patient has no mobile number.'],
      ]),
    );
    expect(all.body).toMatchObject({ total: 5, sendable: 3 });
    const diabetes = await ctx
      .as(clinic)
      .post('/api/batch-sends/preview', { mode: 'patients', patientGroup: 'Diabète' })
      .expect(200);
    expect(diabetes.body.items.map((row: { id: string }) => row.id).sort()).toEqual(
      [pat('P-LEA'), pat('P-PAUL')].sort(),
    );
  });

  it.each([
    ['a practitioner', { mode: 'patients', resourceId: 'res_x' }, 'body.resourceId'],
    ['a specialty', { mode: 'patients', specialty: 'Orthodontie' }, 'body.specialty'],
    ['appointments without their days', { to: '2026-04-10' }, 'body.from'],
  ])('should answer 400 naming the field for %s where it does not apply', async (_title, query, path) => {
    const answer = await ctx.as(clinic).post('/api/batch-sends/preview', query).expect(400);
    expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
  });

  it('should send a batch of every patient of a group, without appointments', async () => {
    const created = await ctx
      .as(clinic)
      .post('/api/batch-sends', {
        query: { mode: 'patients', patientGroup: 'diabète' },
        template: { body: 'Bonjour {{patient.firstName}}, journée de dépistage le 15 avril.' },
      })
      .expect(201);
    expect(created.body).toMatchObject({ recipients: 2, leftOut: [] });
    await ctx.app.get(EngineService).drain();
    const sent = await engine.deliveries(clinic, { batchId: created.body.id });
    expect(sent.map((d) => [d.patientId, d.appointmentId, d.status, d.text])).toEqual(
      expect.arrayContaining([
        [pat('P-LEA'), null, 'sent', 'Bonjour Léa, journée de dépistage le 15 avril.'],
        [pat('P-PAUL'), null, 'sent', 'Bonjour Paul, journée de dépistage le 15 avril.'],
      ]),
    );
    expect(sent).toHaveLength(2);
  });

  describe('the list as a file, before sending', () => {
    const exportList = (body: object) =>
      ctx
        .as(clinic)
        .post('/api/batch-sends/preview/export', body)
        .buffer(true)
        .parse((res, done) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => done(null, text));
        });

    it('should refuse without the personal-data confirmation, saying what the file holds', async () => {
      const answer = await exportList({ query: week });
      expect(answer.status).toBe(400);
      const problem = JSON.parse(answer.body as string).errors;
      expect(problem).toEqual([{ path: 'body.confirm', message: expect.stringContaining('personal data') }]);
    });

    it('should stream the preview’s rows with their problems and those taken out by hand, in clinic time', async () => {
      const answer = await exportList({
        query: week,
        removed: [apt('A-3')],
        lang: 'fr',
        confirm: 'personal-data',
      }).expect(200);
      expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(answer.headers['content-disposition']).toBe('attachment; filename="batch-list-2026-04-01.csv"');
      expect((answer.body as string).startsWith('\uFEFF')).toBe(true);
      expect(csvRows(answer.body as string)).toEqual([
        [
          'patient',
          'adresse',
          'rendez-vous',
          'déjà envoyé',
          'retiré à la main',
          'peut le recevoir',
          'problème',
          'id du rendez-vous',
          'id du patient',
        ],
        ['Léa Martin', '+33612345678', '2026-04-06 10:00', 'non', 'non', 'oui', '', apt('A-1'), pat('P-LEA')],
        [
          'Hugo Martin',
          '+33612345678',
          '2026-04-06 11:00',
          'non',
          'non',
          'non',
          'No SMS consent (the clinic asks for opt-in).',
          apt('A-2'),
          pat('P-HUGO'),
        ],
        [
          'Inès Martin',
          '+33612345678',
          '2026-04-07 09:00',
          'non',
          'oui',
          'non',
          '',
          apt('A-3'),
          pat('P-INES'),
        ],
        [
          'Zoé Martin',
          '',
          '2026-04-08 09:00',
          'non',
          'non',
          'non',
          'The patient has no mobile number.',
          apt('A-4'),
          pat('P-ZOE'),
        ],
      ]);
    });

    it('should answer 422 when no row matches, rather than an empty file', async () => {
      const answer = await exportList({
        query: { from: '2026-06-01', to: '2026-06-02' },
        confirm: 'personal-data',
      });
      expect(answer.status).toBe(422);
    });
  });
});
