import type { Collection } from 'mongodb';
import { DeliveryQueueRepository } from '../src/modules/deliveries/delivery-queue.repository';
import { DeliveryRepository } from '../src/modules/deliveries/delivery.repository';
import { deliveryDocument, storeDeliveries } from './report-fixtures';
import { TestClock } from './test-clock';
import { useTestContext } from './test-app';

describe('deliveries report', () => {
  const clock = new TestClock('2026-03-06T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const a = ctx.clinic();
  const b = ctx.clinic();

  beforeAll(async () => {
    const d = (id: string, fields: Parameters<typeof deliveryDocument>[2]) =>
      deliveryDocument(a.clinicId, id, fields);
    await storeDeliveries(ctx.app, [
      d('d1', {
        channel: 'sms',
        status: 'delivered',
        createdAt: '2026-03-01T09:00:00Z',
        sendAt: '2026-03-02T09:00:00Z',
        sentAt: '2026-03-02T09:00:01Z',
        deliveredAt: '2026-03-02T09:01:00Z',
        flowId: 'F1',
        serviceId: 'S1',
        resourceId: 'R1',
        text: 'Bonjour Léa',
        segments: 1,
        credits: 1,
      }),
      d('d2', {
        channel: 'email',
        status: 'failed',
        createdAt: '2026-03-01T10:00:00Z',
        sendAt: '2026-03-03T10:00:00Z',
        flowId: 'F2',
        serviceId: 'S2',
        resourceId: 'R1',
        recipient: { type: 'patient', name: 'Hugo Bernard', address: 'hugo@example.org' },
        error: { code: 'credits-exhausted', reason: 'Credits exhausted' },
      }),
      d('d3', {
        channel: 'sms',
        status: 'scheduled',
        createdAt: '2026-03-02T08:00:00Z',
        sendAt: '2026-03-05T08:00:00Z',
        flowId: 'F1',
        serviceId: 'S1',
        resourceId: 'R2',
        recipient: { type: 'patient', name: 'Inès Dupont', address: '+33698765432' },
      }),
      d('d4', {
        channel: 'voice',
        status: 'expired',
        createdAt: '2026-03-02T09:00:00Z',
        sendAt: '2026-03-04T09:00:00Z',
        flowId: 'F1',
        serviceId: 'S2',
        resourceId: 'R2',
      }),
      d('d5', {
        channel: 'sms',
        status: 'retrying',
        createdAt: '2026-03-02T23:30:00Z',
        sendAt: '2026-03-06T07:00:00Z',
        flowId: 'F2',
        serviceId: 'S1',
        resourceId: 'R1',
        recipient: { type: 'resource', name: 'Dr Claire Martin', address: '+33611223344' },
      }),
      d('d6', {
        channel: 'sms',
        status: 'sent',
        createdAt: '2026-03-03T09:00:00Z',
        sendAt: '2026-03-03T09:00:00Z',
      }),
      deliveryDocument(b.clinicId, 'b1', { channel: 'sms', status: 'failed', flowId: 'F1' }),
    ]);
  });

  const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id).sort();

  describe('GET /api/deliveries', () => {
    it('should list the clinic’s deliveries newest first with totals by status and channel', async () => {
      const { body } = await ctx.as(a).get('/api/deliveries').expect(200);
      expect(body.items.map((i: { id: string }) => i.id)).toEqual(['d6', 'd5', 'd4', 'd3', 'd2', 'd1']);
      expect(body.total).toBe(6);
      expect(body.totals).toEqual({
        byStatus: { delivered: 1, failed: 1, scheduled: 1, expired: 1, retrying: 1, sent: 1 },
        byChannel: { sms: 4, email: 1, voice: 1 },
      });
      expect(body.items[5]).toMatchObject({
        id: 'd1',
        createdAt: '2026-03-01T09:00:00.000Z',
        sendAt: '2026-03-02T09:00:00.000Z',
        sentAt: '2026-03-02T09:00:01.000Z',
        deliveredAt: '2026-03-02T09:01:00.000Z',
        expiresAt: null,
        status: 'delivered',
        channel: 'sms',
        recipient: { type: 'patient', name: 'Léa Martin', address: '+33612345678' },
        text: 'Bonjour Léa',
        segments: 1,
        credits: 1,
        error: null,
        flowId: 'F1',
        nodeId: null,
        appointmentId: null,
        inDoubt: false,
      });
    });

    it.each([
      ['status', 'status=failed', ['d2']],
      ['several statuses', 'status=failed,expired', ['d2', 'd4']],
      ['channel', 'channel=sms', ['d1', 'd3', 'd5', 'd6']],
      ['flowId', 'flowId=F2', ['d2', 'd5']],
      ['serviceId', 'serviceId=S2', ['d2', 'd4']],
      ['resourceId', 'resourceId=R2', ['d3', 'd4']],
      ['createdFrom (instant)', 'createdFrom=2026-03-02T08:30:00Z', ['d4', 'd5', 'd6']],
      ['createdTo (instant)', 'createdTo=2026-03-01T10:00:00Z', ['d1', 'd2']],
      // 23:30 UTC on the 2nd is 00:30 on the 3rd in Paris: days are the clinic's.
      ['createdFrom/To (a clinic-local day)', 'createdFrom=2026-03-02&createdTo=2026-03-02', ['d3', 'd4']],
      ['sendFrom/To', 'sendFrom=2026-03-03T00:00:00Z&sendTo=2026-03-04T23:59:59Z', ['d2', 'd4', 'd6']],
      ['deliveredFrom', 'deliveredFrom=2026-03-02T00:00:00Z', ['d1']],
      ['deliveredTo before any delivery', 'deliveredTo=2026-03-01T00:00:00Z', []],
      [
        'q: a name',
        'q=martin',
        ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'].filter((id) => !['d2', 'd3'].includes(id)),
      ],
      ['q: a number as the patient writes it', 'q=06%2098%2076%2054%2032', ['d3']],
      ['q: an e-mail address', 'q=hugo@example', ['d2']],
      ['q: a name typed without its accents', 'q=ines%20dupont', ['d3']],
      ['q: a name typed in capitals with accents', 'q=IN%C3%88S', ['d3']],
      ['q: a text in nobody’s name or address', 'q=martine', []],
      ['filters together', 'channel=sms&flowId=F1&status=scheduled,delivered', ['d1', 'd3']],
    ])('should filter by %s', async (_title, query, expected) => {
      const { body } = await ctx.as(a).get(`/api/deliveries?${query}`).expect(200);
      expect(ids(body)).toEqual(expected);
      expect(body.total).toBe(expected.length);
      const sum = (counts: Record<string, number>) => Object.values(counts).reduce((x, y) => x + y, 0);
      expect(sum(body.totals.byStatus)).toBe(expected.length);
      expect(sum(body.totals.byChannel)).toBe(expected.length);
    });

    it('should find a delivery stored before the search text existed once it is added at start', async () => {
      const repository = ctx.app.get(DeliveryRepository);
      const older = deliveryDocument(a.clinicId, 'd-older', {
        recipient: { type: 'patient', name: 'Åsa Öberg', address: '+4791234567' },
      });
      // As an older version stored it: straight into the collection, without `searchText`, in a database
      // not yet marked as upgraded.
      await (repository as unknown as { upgrades: Collection }).upgrades.deleteOne({
        _id: 'deliveries.searchText',
      } as never);
      await (repository as unknown as { collection: Collection }).collection.insertOne(older as never);
      const search = () => ctx.as(a).get('/api/deliveries?q=asa%20oberg').expect(200);
      expect((await search()).body.total).toBe(0);
      expect(await repository.addMissingSearchText()).toBeGreaterThanOrEqual(1);
      expect(ids((await search()).body)).toEqual(['d-older']);
      // The next start skips the scan: the database is marked as upgraded.
      expect(await repository.addMissingSearchText()).toBe(0);
      await (repository as unknown as { collection: Collection }).collection.deleteOne({
        _id: 'd-older',
      } as never);
    });

    it('should page, with totals over the whole filter', async () => {
      const first = await ctx.as(a).get('/api/deliveries?pageSize=4').expect(200);
      const second = await ctx.as(a).get('/api/deliveries?pageSize=4&page=2').expect(200);
      expect(first.body.items).toHaveLength(4);
      expect(second.body.items.map((i: { id: string }) => i.id)).toEqual(['d2', 'd1']);
      expect(second.body).toMatchObject({ total: 6, page: 2, pageSize: 4 });
      expect(second.body.totals.byChannel).toEqual({ sms: 4, email: 1, voice: 1 });
    });

    it.each([
      ['-createdAt', ['d6', 'd5', 'd4', 'd3', 'd2', 'd1']],
      ['createdAt', ['d1', 'd2', 'd3', 'd4', 'd5', 'd6']],
      ['sendAt', ['d1', 'd6', 'd2', 'd4', 'd3', 'd5']],
      ['-sendAt', ['d5', 'd3', 'd4', 'd2', 'd6', 'd1']],
      // Only d1 was delivered: the others have no delivery time, older than any, in creation order.
      ['-deliveredAt', ['d1', 'd6', 'd5', 'd4', 'd3', 'd2']],
      ['deliveredAt', ['d2', 'd3', 'd4', 'd5', 'd6', 'd1']],
    ])('should sort by %s', async (sort, expected) => {
      const { body } = await ctx.as(a).get(`/api/deliveries?sort=${sort}`).expect(200);
      expect(body.items.map((i: { id: string }) => i.id)).toEqual(expected);
      expect(body.total).toBe(6);
    });

    it('should sort newest created first when no sort is asked', async () => {
      const asked = await ctx.as(a).get('/api/deliveries?sort=-createdAt').expect(200);
      const unasked = await ctx.as(a).get('/api/deliveries').expect(200);
      expect(unasked.body.items).toEqual(asked.body.items);
    });

    it('should page a sort with many ties without repeating or skipping a row', async () => {
      const c = await ctx.newClinic();
      // 40 deliveries over 2 send times and 3 creation times (many ties on both), ids in no particular
      // order; 29 are SMS, the filter below.
      const rows = Array.from({ length: 40 }, (_, i) => ({
        id: `t${String((i * 17) % 40).padStart(2, '0')}`,
        sendAt: i % 2 ? '2026-03-05T09:00:00Z' : '2026-03-04T09:00:00Z',
        createdAt: `2026-03-0${1 + (i % 3)}T09:00:00Z`,
        channel: i % 4 === 3 ? 'email' : 'sms',
      }));
      await storeDeliveries(
        ctx.app,
        rows.map(({ id, ...fields }) => deliveryDocument(c.clinicId, id, { ...fields, status: 'sent' })),
      );
      const sms = rows.filter((row) => row.channel === 'sms');
      const newestSendFirst = [...sms]
        .sort(
          (x, y) =>
            y.sendAt.localeCompare(x.sendAt) ||
            y.createdAt.localeCompare(x.createdAt) ||
            x.id.localeCompare(y.id),
        )
        .map((row) => row.id);
      for (const [sort, expected] of [
        ['-sendAt', newestSendFirst],
        ['sendAt', [...newestSendFirst].reverse()],
      ] as const) {
        const seen: string[] = [];
        for (const page of [1, 2, 3]) {
          const { body } = await ctx
            .as(c)
            .get(`/api/deliveries?channel=sms&sort=${sort}&pageSize=12&page=${page}`)
            .expect(200);
          expect(body.total).toBe(sms.length);
          seen.push(...body.items.map((i: { id: string }) => i.id));
        }
        expect(new Set(seen).size).toBe(sms.length);
        expect(seen).toEqual(expected);
      }
    });

    it('should show another clinic nothing of this one', async () => {
      const { body } = await ctx.as(b).get('/api/deliveries').expect(200);
      expect(ids(body)).toEqual(['b1']);
      await ctx.as(b).get('/api/deliveries/d1').expect(404);
    });

    it.each([
      ['createdTo before createdFrom', 'createdFrom=2026-03-05&createdTo=2026-03-01', 'query.createdTo'],
      ['sendTo before sendFrom', 'sendFrom=2026-03-05T10:00:00Z&sendTo=2026-03-05T09:00:00Z', 'query.sendTo'],
      [
        'deliveredTo before deliveredFrom',
        'deliveredFrom=2026-03-05&deliveredTo=2026-03-04T00:00:00Z',
        'query.deliveredTo',
      ],
      ['an unknown status', 'status=lost', 'query.status'],
      ['an unknown channel', 'channel=fax', 'query.channel'],
      ['a date that is not one', 'createdFrom=yesterday', 'query.createdFrom'],
      ['a bad start with a good end', 'createdFrom=yesterday&createdTo=2026-03-01', 'query.createdFrom'],
      ['an unknown sort', 'sort=name', 'query.sort'],
      ['a sort on a field the report does not order by', 'sort=-status', 'query.sort'],
    ])('should answer 400 naming the filter for %s', async (_title, query, path) => {
      const { body } = await ctx.as(a).get(`/api/deliveries?${query}`).expect(400);
      expect(body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    });

    it('should name the sorts it knows when it refuses one', async () => {
      const { body } = await ctx.as(a).get('/api/deliveries?sort=name').expect(400);
      expect(body.errors).toEqual([
        {
          path: 'query.sort',
          message: 'must be one of -createdAt, createdAt, -sendAt, sendAt, -deliveredAt, deliveredAt',
        },
      ]);
    });

    it('should let staff read the report', async () => {
      await ctx.as(a, a.staffToken).get('/api/deliveries').expect(200);
    });
  });

  describe('GET /api/deliveries/:id', () => {
    it('should give the whole delivery with its history', async () => {
      const { body } = await ctx.as(a).get('/api/deliveries/d2').expect(200);
      expect(body).toMatchObject({
        id: 'd2',
        status: 'failed',
        error: { code: 'credits-exhausted', reason: 'Credits exhausted' },
        runId: null,
        provider: null,
        providerMessageId: null,
        sender: null,
        subject: null,
        run: null,
        history: [{ status: 'failed', at: '2026-03-01T10:00:00.000Z', attempt: 0, reason: null, by: null }],
      });
    });

    it('should answer 404 for an unknown delivery', async () => {
      await ctx.as(a).get('/api/deliveries/nope').expect(404);
    });
  });

  describe('GET /api/deliveries/summary', () => {
    it('should count per send day, status and channel, with the credits used', async () => {
      const { body } = await ctx
        .as(a)
        .get('/api/deliveries/summary?from=2026-03-02&to=2026-03-04')
        .expect(200);
      expect(body.days).toEqual([
        {
          day: '2026-03-02',
          total: 1,
          byStatus: { delivered: 1 },
          byChannel: { sms: 1 },
          byStatusAndChannel: { delivered: { sms: 1 } },
          credits: 1,
        },
        {
          day: '2026-03-03',
          total: 2,
          byStatus: { failed: 1, sent: 1 },
          byChannel: { email: 1, sms: 1 },
          byStatusAndChannel: { failed: { email: 1 }, sent: { sms: 1 } },
          credits: 0,
        },
        {
          day: '2026-03-04',
          total: 1,
          byStatus: { expired: 1 },
          byChannel: { voice: 1 },
          byStatusAndChannel: { expired: { voice: 1 } },
          credits: 0,
        },
      ]);
      expect(body.totals).toMatchObject({ total: 4, credits: 1, byChannel: { sms: 2, email: 1, voice: 1 } });
    });

    it('should cover the last 30 days by default and filter by channel', async () => {
      const all = await ctx.as(a).get('/api/deliveries/summary').expect(200);
      expect(all.body).toMatchObject({ from: '2026-02-05', to: '2026-03-06', totals: { total: 6 } });
      expect(all.body.days).toHaveLength(30);
      const sms = await ctx.as(a).get('/api/deliveries/summary?channel=sms').expect(200);
      expect(sms.body.totals).toMatchObject({ total: 4, byChannel: { sms: 4 } });
    });

    it.each([
      ['status', 'status=failed'],
      ['several statuses', 'status=failed,expired,sent'],
      ['status and channel', 'status=delivered,sent,failed&channel=sms'],
      ['flow, service and resource', 'flowId=F1&serviceId=S1&resourceId=R1'],
      ['a created day', 'createdFrom=2026-03-02&createdTo=2026-03-02'],
      ['q', 'q=martin'],
    ])('should count only what the list shows for %s', async (_title, query) => {
      const range = 'from=2026-03-01&to=2026-03-06';
      const summary = await ctx.as(a).get(`/api/deliveries/summary?${range}&${query}`).expect(200);
      const list = await ctx
        .as(a)
        .get(`/api/deliveries?sendFrom=2026-03-01&sendTo=2026-03-06&${query}`)
        .expect(200);
      expect(list.body.total).toBeGreaterThan(0);
      expect(summary.body.totals.total).toBe(list.body.total);
      expect(summary.body.totals.byStatus).toEqual(list.body.totals.byStatus);
      expect(summary.body.totals.byChannel).toEqual(list.body.totals.byChannel);
    });

    it('should count only failed deliveries, and their credits, with status=failed', async () => {
      const { body } = await ctx
        .as(a)
        .get('/api/deliveries/summary?from=2026-03-01&to=2026-03-06&status=failed')
        .expect(200);
      expect(body.totals).toEqual({
        total: 1,
        byStatus: { failed: 1 },
        byChannel: { email: 1 },
        byStatusAndChannel: { failed: { email: 1 } },
        credits: 0,
      });
      expect(body.days.find((day: { day: string }) => day.day === '2026-03-03')).toMatchObject({
        total: 1,
        byStatus: { failed: 1 },
      });
      const delivered = await ctx
        .as(a)
        .get('/api/deliveries/summary?from=2026-03-01&to=2026-03-06&status=delivered')
        .expect(200);
      expect(delivered.body.totals).toMatchObject({ total: 1, credits: 1 });
    });

    it.each([
      ['an unknown status', 'status=lost', 'query.status'],
      ['a created end before its start', 'createdFrom=2026-03-05&createdTo=2026-03-01', 'query.createdTo'],
    ])('should answer 400 naming the filter for %s', async (_title, query, path) => {
      const { body } = await ctx.as(a).get(`/api/deliveries/summary?${query}`).expect(400);
      expect(body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    });

    it('should answer 400 naming the field for an end before the start', async () => {
      const { body } = await ctx
        .as(a)
        .get('/api/deliveries/summary?from=2026-03-04&to=2026-03-02')
        .expect(400);
      expect(body.errors.map((e: { path: string }) => e.path)).toEqual(['query.to']);
    });
  });

  describe('POST /api/deliveries/:id/retry and /cancel', () => {
    it.each([
      ['d1', 'delivered'],
      ['d3', 'scheduled'],
      ['d6', 'sent'],
    ])('should refuse to retry %s (%s) with 409', async (id) => {
      await ctx.as(a).post(`/api/deliveries/${id}/retry`).expect(409);
    });

    it('should put a failed delivery back in the queue, due now', async () => {
      const { body } = await ctx.as(a).post('/api/deliveries/d2/retry').expect(200);
      expect(body).toMatchObject({ id: 'd2', status: 'scheduled', error: null });
      expect(body.history.map((h: { status: string }) => h.status)).toEqual(['failed', 'scheduled']);
      const due = await ctx.app.get(DeliveryQueueRepository).due(clock.now(), { limit: 100 });
      expect(due.map((entry) => entry._id).sort()).toEqual(['d2', 'd3', 'd5']);
    });

    it('should retry an expired delivery too', async () => {
      const { body } = await ctx.as(a).post('/api/deliveries/d4/retry').expect(200);
      expect(body).toMatchObject({ status: 'scheduled', expiresAt: null });
    });

    it.each([
      ['d1', 'delivered'],
      ['d6', 'sent'],
    ])('should refuse to cancel %s (%s) with 409', async (id) => {
      await ctx.as(a).post(`/api/deliveries/${id}/cancel`, {}).expect(409);
    });

    it('should cancel a scheduled and a retrying delivery, once', async () => {
      const cancelled = await ctx
        .as(a)
        .post('/api/deliveries/d3/cancel', { reason: 'Patient called' })
        .expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', reason: 'Patient called' });
      await ctx.as(a).post('/api/deliveries/d5/cancel').expect(200);
      await ctx.as(a).post('/api/deliveries/d3/cancel', {}).expect(409);
      const { body } = await ctx.as(a).get('/api/deliveries?status=cancelled').expect(200);
      expect(ids(body)).toEqual(['d3', 'd5']);
    });

    it('should answer 404 for another clinic’s delivery', async () => {
      await ctx.as(b).post('/api/deliveries/d2/retry').expect(404);
      await ctx.as(b).post('/api/deliveries/d2/cancel', {}).expect(404);
    });
  });
});
