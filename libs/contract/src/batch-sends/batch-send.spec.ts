import {
  BATCH_LIST_PERSONAL_DATA,
  batchListExportSchema,
  batchPreviewSchema,
  batchQuerySchema,
  batchSendSchema,
  batchSendViewSchema,
} from './batch-send';

const query = { from: '2026-04-06', to: '2026-04-10' };

const problems = (value: unknown) =>
  (batchQuerySchema.safeParse(value).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('batchQuerySchema', () => {
  it('should default to SMS for booked and confirmed appointments', () => {
    expect(batchQuerySchema.parse(query)).toEqual({
      ...query,
      mode: 'appointments',
      channel: 'sms',
      appointmentStatuses: ['booked', 'confirmed'],
      sent: 'any',
    });
  });

  it.each([
    {
      title: 'a range ending before it starts',
      value: { from: '2026-04-10', to: '2026-04-06' },
      problem: 'to: must not be before from',
    },
    {
      title: 'more than a year',
      value: { from: '2025-01-01', to: '2026-04-06' },
      problem: 'to: a batch covers at most a year of appointments',
    },
    {
      title: 'an unknown status',
      value: { ...query, appointmentStatuses: ['lost'] },
      problem: expect.stringMatching(/^appointmentStatuses\.0: /),
    },
    {
      title: 'a bad day',
      value: { from: 'monday', to: '2026-04-06' },
      problem: 'from: must be a day yyyy-MM-dd',
    },
    {
      title: 'appointments without their days',
      value: { to: '2026-04-06' },
      problem: 'from: is required for a batch of appointments',
    },
    {
      title: 'an appointment filter on a batch of every patient',
      value: { mode: 'patients', specialty: 'Orthodontie' },
      problem: 'specialty: only for a batch of appointments (mode appointments)',
    },
    {
      title: 'the already-sent filter on a batch of every patient',
      value: { mode: 'patients', sent: 'not-sent' },
      problem: 'sent: only for a batch of appointments (mode appointments)',
    },
    {
      title: 'an unknown mode',
      value: { ...query, mode: 'everyone' },
      problem: expect.stringMatching(/^mode: /),
    },
  ])('should refuse $title', ({ value, problem }) => {
    expect(problems(value)).toEqual([problem]);
  });
});

describe('a batch of every patient', () => {
  it('should need no days and take the patient’s group and insurer', () => {
    expect(
      batchQuerySchema.parse({
        mode: 'patients',
        channel: 'email',
        patientGroup: 'Diabète',
        insurer: 'MGEN',
      }),
    ).toMatchObject({ mode: 'patients', channel: 'email', patientGroup: 'Diabète', insurer: 'MGEN' });
  });
});

describe('batchListExportSchema', () => {
  it('should need the personal-data confirmation, saying what the file holds', () => {
    const refused = batchListExportSchema.safeParse({ query });
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['confirm', BATCH_LIST_PERSONAL_DATA],
    ]);
    expect(batchListExportSchema.parse({ query, confirm: 'personal-data' })).toMatchObject({
      removed: [],
      lang: 'en',
    });
  });
});

describe('batchSendSchema', () => {
  it('should default to no row removed and every number', () => {
    expect(batchSendSchema.parse({ query, template: { body: 'Bonjour' } })).toMatchObject({
      removed: [],
      onePerPhone: false,
    });
  });
});

describe('batch answers', () => {
  it('should read a preview and a batch with its progress', () => {
    const preview = {
      items: [
        {
          id: 'apt_1',
          appointmentId: 'apt_1',
          start: '2026-04-07T08:30:00.000Z',
          patient: { id: 'pat_1', name: 'Léa Martin' },
          language: 'fr',
          address: '+33612345678',
          serviceId: null,
          resourceId: null,
          alreadySent: false,
          problem: null,
        },
      ],
      total: 1,
      sendable: 1,
    };
    expect(batchPreviewSchema.parse(preview)).toEqual(preview);
    const batch = {
      id: 'bat_1',
      name: null,
      channel: 'sms',
      query: batchQuerySchema.parse(query),
      onePerPhone: true,
      createdAt: '2026-04-02T08:00:00.000Z',
      createdBy: 'accueil@cabinet.fr',
      recipients: 1,
      leftOut: [],
      progress: { total: 1, byStatus: { scheduled: 1 } },
    };
    expect(batchSendViewSchema.parse(batch)).toEqual(batch);
  });
});
