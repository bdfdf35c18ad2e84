import {
  deliveryCancelSchema,
  deliveryExportQuerySchema,
  deliveryListQuerySchema,
  deliverySummaryQuerySchema,
  listOf,
  PERSONAL_DATA_WARNING,
} from './delivery-query';

const problems = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));

describe(listOf.name, () => {
  const sut = listOf(['a', 'b'] as const, 'letter');

  it.each([
    ['a', ['a']],
    ['a,b', ['a', 'b']],
    [' b , a ,', ['b', 'a']],
  ])('should read %p', (text, expected) => {
    expect(sut.parse(text)).toEqual(expected);
  });

  it('should name the unknown values and the allowed ones', () => {
    expect(problems(sut.safeParse('a,z'))).toEqual([
      { path: '', message: 'unknown letter "z"; one of a, b' },
    ]);
  });
});

describe('deliveryListQuerySchema', () => {
  it('should default to the newest first, 50 a page', () => {
    expect(deliveryListQuerySchema.parse({})).toEqual({ sort: '-createdAt', page: 1, pageSize: 50 });
  });

  it('should read the lists, the ranges and the paging', () => {
    expect(
      deliveryListQuerySchema.parse({
        status: 'failed,retrying',
        channel: 'sms',
        createdFrom: '2026-03-01',
        createdTo: '2026-03-31T23:00:00+02:00',
        page: '2',
      }),
    ).toEqual({
      status: ['failed', 'retrying'],
      channel: ['sms'],
      createdFrom: '2026-03-01',
      createdTo: '2026-03-31T23:00:00+02:00',
      sort: '-createdAt',
      page: 2,
      pageSize: 50,
    });
  });

  it.each([
    { title: 'an unknown status', query: { status: 'bounced' }, path: 'status' },
    { title: 'an unknown channel', query: { channel: 'fax' }, path: 'channel' },
    { title: 'an unknown order', query: { sort: 'name' }, path: 'sort' },
    { title: 'an empty sender', query: { sentBy: ' ' }, path: 'sentBy' },
    { title: 'a bad bound', query: { sendFrom: 'yesterday' }, path: 'sendFrom' },
    {
      title: 'a day range ending before it starts',
      query: { sendFrom: '2026-03-02', sendTo: '2026-03-01' },
      path: 'sendTo',
    },
    {
      title: 'an instant range ending before it starts',
      query: { deliveredFrom: '2026-03-01T10:00:00Z', deliveredTo: '2026-03-01T09:00:00Z' },
      path: 'deliveredTo',
    },
  ])('should refuse $title naming $path', ({ query, path }) => {
    expect(problems(deliveryListQuerySchema.safeParse(query)).map((p) => p.path)).toEqual([path]);
  });

  it('should read who sent it, trimmed', () => {
    expect(deliveryListQuerySchema.parse({ sentBy: ' accueil@cabinet.fr ' })).toMatchObject({
      sentBy: 'accueil@cabinet.fr',
    });
  });

  it('should take a day ending on the day a range starts', () => {
    expect(
      deliveryListQuerySchema.safeParse({ sendFrom: '2026-03-01T10:00:00Z', sendTo: '2026-03-01' }).success,
    ).toBe(true);
  });
});

describe('deliveryExportQuerySchema', () => {
  it('should need the personal-data confirmation', () => {
    expect(problems(deliveryExportQuerySchema.safeParse({}))).toEqual([
      { path: 'confirm', message: PERSONAL_DATA_WARNING },
    ]);
  });

  it('should default to a CSV with English headers', () => {
    expect(deliveryExportQuerySchema.parse({ confirm: 'personal-data' })).toMatchObject({
      format: 'csv',
      lang: 'en',
      sort: '-createdAt',
    });
  });
});

describe('deliverySummaryQuerySchema', () => {
  it.each([
    {
      title: 'a range ending before it starts',
      query: { from: '2026-03-02', to: '2026-03-01' },
      message: 'must not be before from',
    },
    {
      title: 'more than 366 days',
      query: { from: '2025-01-01', to: '2026-03-01' },
      message: 'a summary covers at most 366 days',
    },
  ])('should refuse $title', ({ query, message }) => {
    expect(problems(deliverySummaryQuerySchema.safeParse(query))).toEqual([{ path: 'to', message }]);
  });

  it('should take the list filters but not its send range', () => {
    expect(
      deliverySummaryQuerySchema.parse({ from: '2026-03-01', status: 'sent', sendFrom: '2026-01-01' }),
    ).toEqual({
      from: '2026-03-01',
      status: ['sent'],
    });
  });
});

describe('deliveryCancelSchema', () => {
  it.each([
    [undefined, {}],
    [{ reason: ' Patient called ' }, { reason: 'Patient called' }],
  ])('should read %p', (body, expected) => {
    expect(deliveryCancelSchema.parse(body)).toEqual(expected);
  });
});
