import type { Flow } from '@clinicflow/rules';
import type { Collection } from 'mongodb';
import { DeliveryRepository } from '../src/modules/deliveries/delivery.repository';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { deliveryDocument } from './report-fixtures';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

/** RFC 4180 read back (every field quoted by the export; quotes doubled, line breaks kept). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)) {
    rows.push([...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"')));
  }
  return rows;
}

const confirmationFlow: Flow = {
  id: 'confirmation',
  name: 'Confirmation',
  nodes: [
    { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, data: { events: ['appointment.booked'] } },
    {
      id: 'sms',
      type: 'send',
      position: { x: 0, y: 100 },
      data: {
        label: 'Confirmation',
        channel: 'sms',
        recipient: { type: 'patient' },
        purpose: 'notice',
        template: { byLanguage: { fr: { body: 'Bonjour {{patient.firstName}}, RDV noté.' } } },
      },
    },
    { id: 'end', type: 'end', position: { x: 0, y: 200 } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'sms', sourceHandle: null },
    { id: 'e2', source: 'sms', target: 'end', sourceHandle: null },
  ],
};

/**
 * S3 / S4: the report's "sent by" filter and column (a user for one-off and batch sends, the engine for the
 * flows), the sender each message actually went out with (the clinic's default, or a template's own), in the
 * list, the detail and the export.
 */
describe('report: sent by, and the sender that went out', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  const other = ctx.clinic();
  let staffEmail = '';
  const ids = { flow: '', oneOff: '', batch: '', template: '' };

  const list = async (query: string) =>
    (await ctx.as(clinic).get(`/api/deliveries?${query}`).expect(200)).body as {
      items: { id: string; sentBy: string }[];
      total: number;
    };

  beforeAll(async () => {
    await engine.settings(clinic, {
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
      providers: { sms: { kind: 'sandbox', options: { receipts: false } } },
      senders: {
        smsSenderName: 'CabLilas',
        emailFromName: null,
        emailFromAddress: null,
        voiceCallerNumber: null,
      },
    });
    const users = (await ctx.as(clinic).get('/api/users').expect(200)).body as {
      email: string;
      role: string;
    }[];
    staffEmail = users.find((user) => user.role === 'staff')!.email;
    // automatic: the flow's confirmation of a booking
    await engine.publish(clinic, confirmationFlow);
    await engine.post(clinic, bookingEvent('sb-1', 'SB-1', '2026-03-09T10:00')).expect(202);
    // by hand: staff send a one-off with a saved template that names its own sender
    const template = await ctx
      .as(clinic)
      .post('/api/templates', {
        name: 'Rappel',
        channel: 'sms',
        variants: { fr: { body: 'Rappel du cabinet.' } },
        sender: { smsSenderName: 'Rappels' },
      })
      .expect(201);
    ids.template = template.body.id;
    const oneOff = await ctx
      .as(clinic, clinic.staffToken)
      .post('/api/sends', { channel: 'sms', to: '06 98 76 54 32', template: { templateId: ids.template } })
      .expect(201);
    ids.oneOff = oneOff.body.id;
    // by hand: the manager sends a batch to the booked appointment
    const batch = await ctx
      .as(clinic)
      .post('/api/batch-sends', {
        query: { channel: 'sms', from: '2026-03-09', to: '2026-03-09' },
        template: { body: 'Le cabinet sera fermé lundi.' },
        onePerPhone: true,
        removed: [],
      })
      .expect(201);
    await engine.at('2026-03-02T08:01:00Z');
    ids.flow = (await engine.deliveries(clinic, { nodeId: 'sms' }))[0]._id;
    ids.batch = (await engine.deliveries(clinic, { batchId: batch.body.id }))[0]._id;
  });

  it('should say who sent each message, and filter the list and its totals on it', async () => {
    const all = await list('');
    const sentBy = Object.fromEntries(all.items.map((item) => [item.id, item.sentBy]));
    expect(sentBy).toMatchObject({
      [ids.flow]: 'engine',
      [ids.oneOff]: staffEmail,
      [ids.batch]: clinic.managerEmail,
    });
    const byStaff = await list(`sentBy=${encodeURIComponent(staffEmail)}`);
    expect(byStaff.items.map((item) => item.id)).toEqual([ids.oneOff]);
    expect(byStaff.total).toBe(1);
    const byEngine = await list('sentBy=engine');
    expect(byEngine.items.map((item) => item.id)).toEqual([ids.flow]);
    const summary = await ctx.as(clinic).get('/api/deliveries/summary?sentBy=engine').expect(200);
    expect(summary.body.totals.total).toBe(1);
    // the same filter in another clinic finds nothing of this one's
    const elsewhere = await ctx.as(other).get(`/api/deliveries?sentBy=${clinic.managerEmail}`).expect(200);
    expect(elsewhere.body.total).toBe(0);
  });

  it('should offer the engine and the clinic’s users as the filter’s choices, staff included', async () => {
    const { body } = await ctx.as(clinic, clinic.staffToken).get('/api/deliveries/sent-by').expect(200);
    expect(body.items[0]).toEqual({ sentBy: 'engine', name: null });
    expect(body.items).toEqual(
      expect.arrayContaining([
        { sentBy: clinic.managerEmail, name: 'Manager' },
        { sentBy: staffEmail, name: 'Staff' },
      ]),
    );
    expect(body.items).toHaveLength(3);
  });

  it('should record the sender each message went out with: the clinic’s default, or its template’s', async () => {
    const detail = async (id: string) => (await ctx.as(clinic).get(`/api/deliveries/${id}`).expect(200)).body;
    expect(await detail(ids.flow)).toMatchObject({ status: 'sent', from: 'CabLilas', sender: null });
    expect(await detail(ids.batch)).toMatchObject({ status: 'sent', from: 'CabLilas' });
    expect(await detail(ids.oneOff)).toMatchObject({ status: 'sent', from: 'Rappels', sentBy: staffEmail });
  });

  it('should export who sent each message and its sender', async () => {
    const res = await ctx
      .as(clinic)
      .get('/api/deliveries/export?confirm=personal-data&sort=createdAt')
      .expect(200);
    const [headers, ...rows] = parseCsv(res.text);
    const cell = (row: string[], header: string) => row[headers.indexOf(header)];
    const byId = new Map(rows.map((row) => [cell(row, 'delivery'), row]));
    expect(cell(byId.get(ids.flow)!, 'sent by')).toBe('engine');
    expect(cell(byId.get(ids.flow)!, 'sender')).toBe('CabLilas');
    expect(cell(byId.get(ids.oneOff)!, 'sent by')).toBe(`Staff (${staffEmail})`);
    expect(cell(byId.get(ids.oneOff)!, 'sender')).toBe('Rappels');
    const french = await ctx
      .as(clinic)
      .get(`/api/deliveries/export?confirm=personal-data&lang=fr&sentBy=engine`)
      .expect(200);
    const [frHeaders, frRow] = parseCsv(french.text);
    expect(frRow[frHeaders.indexOf('envoyé par')]).toBe('automatique');
    expect(frRow[frHeaders.indexOf('expéditeur')]).toBe('CabLilas');
  });

  it.each([
    ['empty', 'sentBy='],
    ['too long', `sentBy=${'x'.repeat(201)}`],
  ])('should answer 400 naming sentBy when it is %s', async (_title, query) => {
    const { body } = await ctx.as(clinic).get(`/api/deliveries?${query}`).expect(400);
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(['query.sentBy']);
  });

  it('should give a delivery stored before "sent by" existed its sender from its history, once', async () => {
    const repository = ctx.app.get(DeliveryRepository);
    const raw = repository as unknown as { collection: Collection; upgrades: Collection };
    const older = deliveryDocument(clinic.clinicId, 'd-older-sent-by', {
      history: [
        {
          status: 'scheduled',
          at: new Date('2026-03-01T09:00:00Z'),
          attempt: 0,
          reason: null,
          by: staffEmail,
        },
      ],
    }) as unknown as Record<string, unknown>;
    delete older.sentBy;
    await raw.upgrades.deleteOne({ _id: 'deliveries.sentBy' } as never);
    await raw.collection.insertOne(older as never);
    expect((await list(`sentBy=${encodeURIComponent(staffEmail)}`)).total).toBe(1);
    expect(await repository.addMissingSentBy()).toBe(1);
    expect((await list(`sentBy=${encodeURIComponent(staffEmail)}`)).items.map((item) => item.id)).toEqual(
      expect.arrayContaining([ids.oneOff, 'd-older-sent-by']),
    );
    expect(await repository.addMissingSentBy()).toBe(0);
    await raw.collection.deleteOne({ _id: 'd-older-sent-by' } as never);
  });
});
