import ExcelJS from 'exceljs';
import type { Response } from 'superagent';
import { deliveryDocument, parseCsv, storeDeliveries } from './report-fixtures';
import { TestClock } from './test-clock';
import { useTestContext } from './test-app';

// the time columns name the clinic's zone: the file's times are its wall-clock times (issue 15, item 3)
const HEADERS = [
  'created (Europe/Paris)',
  'to send (Europe/Paris)',
  'sent (Europe/Paris)',
  'delivered (Europe/Paris)',
  'opened (Europe/Paris)',
  'opens',
  'read (Europe/Paris)',
  'status',
  'channel',
  'recipient type',
  'name',
  'address',
  'text',
  'sender',
  'segments',
  'credits',
  'error',
  'flow',
  'sent by',
  'step',
  'appointment',
  'delivery',
];
const CONFIRM = 'confirm=personal-data';

const binary = (res: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('deliveries export', () => {
  const clock = new TestClock('2026-03-06T23:30:00Z');
  const ctx = useTestContext({}, { clock });
  const a = ctx.clinic();
  const b = ctx.clinic();
  const named = ctx.clinic();
  const statuses = ['delivered', 'failed', 'sent', 'scheduled', 'skipped'] as const;
  const channels = ['sms', 'email', 'voice'] as const;

  beforeAll(async () => {
    // 150 ordinary rows over five days, more than one page of the list, and a few awkward ones.
    const many = Array.from({ length: 150 }, (_, i) =>
      deliveryDocument(a.clinicId, `m${String(i).padStart(3, '0')}`, {
        status: statuses[i % statuses.length],
        channel: channels[i % channels.length],
        createdAt: new Date(Date.parse('2026-03-01T08:00:00Z') + i * 45 * 60_000),
        sendAt: new Date(Date.parse('2026-03-02T08:00:00Z') + i * 45 * 60_000),
        flowId: i % 2 ? 'F1' : 'F2',
        text: `Rappel ${i}`,
        credits: i % 3 === 0 ? 1 : null,
      }),
    );
    await storeDeliveries(ctx.app, [
      ...many,
      deliveryDocument(a.clinicId, 'odd', {
        status: 'failed',
        channel: 'sms',
        createdAt: '2026-03-06T10:00:00Z',
        sendAt: '2026-03-06T10:00:00Z',
        recipient: { type: 'resource', name: '=HYPERLINK("http://x")', address: '+33611223344' },
        text: 'Bonjour Zoé, "RDV" le 7, à 9h30 ;\nRépondez C',
        error: { code: 'invalid-number', reason: 'The number does not exist' },
        nodeId: 'sms24',
        appointmentId: 'apt_1',
      }),
      deliveryDocument(b.clinicId, 'b1', { status: 'failed', text: 'Clinic B only' }),
    ]);
  });

  const listedIds = async (query: string) => {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const { body } = await ctx.as(a).get(`/api/deliveries?${query}&pageSize=100&page=${page}`).expect(200);
      ids.push(...body.items.map((item: { id: string }) => item.id));
      if (ids.length >= body.total) return { ids, total: body.total as number };
    }
  };

  it.each([
    ['no filter', ''],
    ['a status', 'status=failed'],
    ['channel and flow', 'channel=sms,voice&flowId=F1'],
    ['a clinic-local created day', 'createdFrom=2026-03-02&createdTo=2026-03-03'],
    ['a search', 'q=hyperlink&status=failed'],
    ['the list sorted by send time, oldest first', 'sort=sendAt'],
    ['the list sorted by creation, oldest first, filtered', 'sort=createdAt&channel=email'],
  ])('should export as many CSV rows as the list’s total, in its order, for %s', async (_title, query) => {
    const { ids, total } = await listedIds(query);
    const res = await ctx.as(a).get(`/api/deliveries/export?format=csv&${CONFIRM}&${query}`).expect(200);
    const rows = parseCsv(res.text.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(HEADERS);
    expect(rows.length - 1).toBe(total);
    expect(rows.slice(1).map((row) => row[HEADERS.indexOf('delivery')])).toEqual(ids);
  });

  it('should send a UTF-8 CSV with a byte-order mark as an attachment named after the clinic’s day', async () => {
    const res = await ctx.as(a).get(`/api/deliveries/export?${CONFIRM}`).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    // 23:30 UTC on the 6th is already the 7th in Paris.
    expect(res.headers['content-disposition']).toBe('attachment; filename="deliveries-2026-03-07.csv"');
    expect(res.text.startsWith('\uFEFF"created (Europe/Paris)","to send (Europe/Paris)"')).toBe(true);
  });

  it('should quote commas, quotes and line breaks, keep accents, and disarm formulas', async () => {
    const res = await ctx
      .as(a)
      .get(`/api/deliveries/export?${CONFIRM}&status=failed&q=hyperlink`)
      .expect(200);
    const [, row] = parseCsv(res.text.replace(/^\uFEFF/, ''));
    const cell = (header: string) => row[HEADERS.indexOf(header)];
    expect(cell('text')).toBe('Bonjour Zoé, "RDV" le 7, à 9h30 ;\nRépondez C');
    expect(cell('name')).toBe('\'=HYPERLINK("http://x")');
    expect(cell('address')).toBe('+33611223344');
    expect(cell('created (Europe/Paris)')).toBe('2026-03-06 11:00:00');
    expect(cell('sent (Europe/Paris)')).toBe('');
    expect(cell('recipient type')).toBe('practitioner');
    expect(cell('error')).toBe('The number does not exist');
    expect([cell('status'), cell('channel'), cell('step'), cell('appointment')]).toEqual([
      'failed',
      'SMS',
      // a step without a name on its card is said by what it sends, never by its id
      'SMS (practitioner)',
      'apt_1',
    ]);
  });

  it('should write the headers and statuses in French when asked', async () => {
    const res = await ctx.as(a).get(`/api/deliveries/export?${CONFIRM}&lang=fr&status=failed`).expect(200);
    const [headers, first] = parseCsv(res.text.replace(/^\uFEFF/, ''));
    expect(headers.slice(0, 8)).toEqual([
      'créé le (Europe/Paris)',
      'à envoyer le (Europe/Paris)',
      'envoyé le (Europe/Paris)',
      'remis le (Europe/Paris)',
      'ouvert le (Europe/Paris)',
      'ouvertures',
      'lu le (Europe/Paris)',
      'statut',
    ]);
    expect(first[7]).toBe('échec');
  });

  it('should export XLSX with the same rows and headers, times in the clinic’s wall-clock time', async () => {
    const { total } = await listedIds('channel=email');
    const res = await ctx
      .as(a)
      .get(`/api/deliveries/export?format=xlsx&${CONFIRM}&channel=email`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe('attachment; filename="deliveries-2026-03-07.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet.actualRowCount - 1).toBe(total);
    const last = sheet.getRow(sheet.actualRowCount);
    // m001 was created at 08:45 UTC on 1 March: 09:45 in Paris.
    expect(last.getCell(HEADERS.indexOf('delivery') + 1).value).toBe('m001');
    expect(last.getCell(1).value).toEqual(new Date('2026-03-01T09:45:00Z'));
    expect(last.getCell(HEADERS.indexOf('channel') + 1).value).toBe('e-mail');
  });

  it('should name a step by the name on its card, not by its id (issue 15)', async () => {
    const flow = await ctx
      .as(named)
      .post('/api/flows', {
        name: 'Rappels',
        nodes: [
          {
            id: 'booked',
            type: 'trigger',
            position: { x: 0, y: 0 },
            data: { events: ['appointment.booked'] },
          },
          {
            id: 'sms-booked',
            type: 'send',
            position: { x: 0, y: 140 },
            data: {
              label: 'Confirmation de réservation',
              channel: 'sms',
              recipient: { type: 'patient' },
              template: { byLanguage: { fr: { body: 'Bonjour' } } },
            },
          },
        ],
        edges: [{ id: 'e1', source: 'booked', target: 'sms-booked', sourceHandle: null }],
      })
      .expect(201);
    await storeDeliveries(ctx.app, [
      deliveryDocument(named.clinicId, 'named', {
        status: 'sent',
        flowId: flow.body.id,
        nodeId: 'sms-booked',
      }),
    ]);
    const res = await ctx.as(named).get(`/api/deliveries/export?${CONFIRM}&status=sent`).expect(200);
    const [headers, row] = parseCsv(res.text.replace(/^\uFEFF/, ''));
    expect(row[headers.indexOf('step')]).toBe('Confirmation de réservation');
    expect(row[headers.indexOf('flow')]).toBe('Rappels');
  });

  it.each([
    ['missing', ''],
    ['anything else', '&confirm=yes'],
  ])('should answer 400 naming confirm when the confirmation is %s', async (_title, confirm) => {
    const { body } = await ctx.as(a).get(`/api/deliveries/export?format=csv${confirm}`).expect(400);
    expect(body.errors).toEqual([
      { path: 'query.confirm', message: expect.stringContaining('personal health-related data') },
    ]);
  });

  it.each([
    ['an unknown status', 'status=lost', 'query.status'],
    ['an end before the start', 'createdFrom=2026-03-05&createdTo=2026-03-01', 'query.createdTo'],
    ['a date that is not one', 'sendFrom=yesterday', 'query.sendFrom'],
    ['an unknown format', 'format=pdf', 'query.format'],
    ['an unknown sort', 'sort=status', 'query.sort'],
  ])('should answer 400 naming the filter for %s', async (_title, query, path) => {
    const { body } = await ctx.as(a).get(`/api/deliveries/export?${CONFIRM}&${query}`).expect(400);
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
  });

  it.each(['csv', 'xlsx'])(
    'should say there is nothing to export instead of an empty %s file',
    async (format) => {
      const { body } = await ctx
        .as(a)
        .get(`/api/deliveries/export?format=${format}&${CONFIRM}&status=answered`)
        .expect(422);
      expect(body.message).toBe('No deliveries match these filters: there is nothing to export.');
    },
  );

  it('should never put another clinic’s rows in the file', async () => {
    const mine = await ctx.as(b).get(`/api/deliveries/export?${CONFIRM}`).expect(200);
    const rows = parseCsv(mine.text.replace(/^\uFEFF/, ''));
    expect(rows.slice(1).map((row) => row[HEADERS.indexOf('delivery')])).toEqual(['b1']);
    const theirs = await ctx.as(a).get(`/api/deliveries/export?${CONFIRM}&q=clinic`).expect(422);
    expect(theirs.body.message).toMatch(/nothing to export/);
  });

  it('should let staff export', async () => {
    await ctx.as(a, a.staffToken).get(`/api/deliveries/export?${CONFIRM}&status=failed`).expect(200);
  });

  it('should refuse a request without credentials', async () => {
    await ctx.http().get(`/api/deliveries/export?${CONFIRM}`).expect(401);
  });
});
