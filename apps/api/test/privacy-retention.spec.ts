import type { INestApplication } from '@nestjs/common';
import { Db } from 'mongodb';
import { EngineService } from '../src/modules/engine/engine.service';
import { RetentionService } from '../src/modules/privacy/retention.service';
import { ReplyService } from '../src/modules/replies/reply.service';
import type { DeliveryDocument } from '../src/modules/deliveries/delivery.document';
import type { ReplyDocument } from '../src/modules/replies/reply.repository';
import { collection, deliveryFactory, until } from './engine-dispatch-fixtures';
import { engineDriver } from './engine-fixtures';
import { createTestApp, useTestContext } from './test-app';
import { TestClock } from './test-clock';
import { siuMessage } from '@clinicflow/pms';
import { Hl7IntakeService } from '../src/modules/hl7/hl7-intake.service';

describe('retention of message texts and addresses', () => {
  const clock = new TestClock('2025-01-10T10:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const deliveries = deliveryFactory(() => ctx.app, clock);
  const clinic = ctx.clinic();
  const keeper = ctx.clinic();
  let second: INestApplication;
  const old: string[] = [];
  const recent: string[] = [];

  /** A SIU message without its SCH from the clinic's PMS: refused, and kept with its text. */
  async function refusedHl7(controlId: string) {
    const text = siuMessage({
      trigger: 'S12',
      controlId,
      facility: 'RETENTION_SITE',
      appointment: { id: 'A-R' },
      patient: { id: 'P-R', family: 'Vieux', given: 'Paul' },
    }).replace(/\rSCH[^\r]*/, '');
    expect((await ctx.app.get(Hl7IntakeService).handle(Buffer.from(text), '127.0.0.1')).code).toBe('AE');
  }

  beforeAll(async () => {
    for (const c of [clinic, keeper]) {
      await engine.settings(c, { providers: { sms: { kind: 'sandbox', options: { receiptDelayMs: 1 } } } });
    }
    await engine.settings(keeper, { retention: { months: 24 } });
    for (let n = 0; n < 3; n++) {
      old.push(
        (
          await deliveries.plan(clinic.clinicId, {
            recipient: { type: 'patient', name: 'Old One', address: '+33611111111' },
          })
        )._id,
      );
    }
    // More than 99: the updates go in chunks (an update of 100 or more never answers on our FerretDB).
    const many = await deliveries.planMany(clinic.clinicId, 120, {
      recipient: { type: 'patient', name: 'Many More', address: '+33644444444' },
    });
    old.push(...many.map((d) => d._id));
    const kept = await deliveries.plan(keeper.clinicId, {
      recipient: { type: 'patient', name: 'Kept One', address: '+33622222222' },
    });
    old.push(kept._id);
    await ctx.app.get(EngineService).drain();
    await ctx.app.get(ReplyService).receive(clinic.clinicId, 'sms', 'sandbox', {
      from: '+33611111111',
      to: '+33700000000',
      text: 'Old question about parking',
      at: clock.now(),
    });
    // A refused HL7 message keeps its text (with the patient's name) for the clinic to see, until the retention.
    await ctx
      .as(clinic)
      .put('/api/settings/hl7', { sendingFacility: 'RETENTION_SITE', allowedPeers: ['127.0.0.1'] })
      .expect(200);
    await refusedHl7('HL7-OLD');
    // Messages to the clinic's webhook endpoints: one sent long ago (its body may carry a reply's text), one
    // still waiting, which the retention leaves to be sent.
    const message = (id: string, status: string) => ({
      _id: id,
      clinicId: clinic.clinicId,
      endpointId: 'whe_retention',
      eventId: `msg_${id}`,
      type: 'reply.received',
      url: 'https://pms.example.org/hooks',
      body: '{"type":"reply.received","data":{"text":"Old question about parking"}}',
      status,
      createdAt: clock.now(),
      // the waiting one's next attempt is not due before the retention runs
      nextAttemptAt: status === 'pending' ? new Date('2027-01-01T00:00:00Z') : null,
      giveUpAt: clock.now(),
      attempts: [],
    });
    await collection(ctx.app, 'webhook_messages').insertMany([
      message('whm_old_sent', 'delivered'),
      message('whm_old_waiting', 'pending'),
    ] as never);
    clock.set('2026-02-20T10:00:00Z');
    await refusedHl7('HL7-RECENT');
    for (let n = 0; n < 2; n++) {
      recent.push(
        (
          await deliveries.plan(clinic.clinicId, {
            recipient: { type: 'patient', name: 'New One', address: '+33633333333' },
          })
        )._id,
      );
    }
    await ctx.app.get(EngineService).drain();
    // A second API process on the same database, with the same clock.
    second = await createTestApp({ MONGODB_DB_NAME: ctx.app.get(Db).databaseName }, { clock });
  });
  afterAll(() => second?.close());

  it('should keep 13 months by default and refuse less than 1 (400 naming the field)', async () => {
    const settings = await ctx.as(clinic).get('/api/settings').expect(200);
    expect(settings.body.retention).toEqual({ months: 13 });
    const refused = await ctx
      .as(clinic)
      .put('/api/settings', { retention: { months: 0 } })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('body.retention.months');
    await ctx
      .as(clinic)
      .put('/api/settings', { retention: { months: 1.5 } })
      .expect(400);
  });

  it('should empty older messages and replies once, whichever process runs it, and keep the report', async () => {
    // The sandbox's receipts come a moment after the sends: the report is compared once they are all in.
    await until(
      async () =>
        (await collection<DeliveryDocument>(ctx.app, 'deliveries').countDocuments({ status: 'sent' })) === 0,
    );
    const reportBefore = await ctx
      .as(clinic)
      .get('/api/deliveries/summary?from=2025-01-01&to=2025-01-31')
      .expect(200);
    const stored = await collection<DeliveryDocument>(ctx.app, 'deliveries')
      .find({ _id: { $in: old } })
      .toArray();
    expect(stored.every((d) => ['sent', 'delivered'].includes(d.status as string))).toBe(true);
    expect(await collection(ctx.app, 'sandbox_messages').countDocuments({ _id: { $in: old } })).toBe(124);

    const [a, b] = await Promise.all([
      ctx.app.get(RetentionService).runDue(),
      second.get(RetentionService).runDue(),
    ]);
    const done = [...a, ...b];
    // Each clinic's day is claimed by one process only.
    expect(done.map((r) => r.clinicId).sort()).toEqual([clinic.clinicId, keeper.clinicId].sort());
    const mine = done.find((r) => r.clinicId === clinic.clinicId)!;
    expect(mine).toMatchObject({
      deliveries: 123,
      replies: 1,
      sandboxMessages: 123,
      hl7Messages: 1,
      webhookMessages: 1,
    });
    const webhooks = await collection(ctx.app, 'webhook_messages')
      .find({ clinicId: clinic.clinicId })
      .toArray();
    expect(webhooks.map((m) => m._id)).toEqual(['whm_old_waiting']);
    const hl7 = (await ctx.as(clinic).get('/api/settings/hl7').expect(200)).body.messages;
    expect(
      Object.fromEntries(hl7.map((m: { controlId: string; text: string | null }) => [m.controlId, m.text])),
    ).toEqual({
      'HL7-OLD': null,
      'HL7-RECENT': expect.stringContaining('Vieux^Paul'),
    });
    expect(done.find((r) => r.clinicId === keeper.clinicId)).toMatchObject({ deliveries: 0, replies: 0 });

    const emptied = await collection<DeliveryDocument>(ctx.app, 'deliveries')
      .find({ clinicId: clinic.clinicId, _id: { $in: old } })
      .toArray();
    expect(emptied).toHaveLength(123);
    for (const d of emptied) {
      expect(d).toMatchObject({ text: null, recipient: { name: null, address: null }, templateData: {} });
      expect(['sent', 'delivered']).toContain(d.status);
      expect(d.sentAt).toEqual(expect.any(Date));
    }
    expect(JSON.stringify(emptied)).not.toMatch(/\+336(1111111|44444444)/);
    const newer = await collection<DeliveryDocument>(ctx.app, 'deliveries')
      .find({ _id: { $in: recent } })
      .toArray();
    expect(newer.map((d) => [d.recipient.address, typeof d.text])).toEqual([
      ['+33633333333', 'string'],
      ['+33633333333', 'string'],
    ]);
    // Another clinic keeping 24 months keeps its message.
    const kept = await collection<DeliveryDocument>(ctx.app, 'deliveries').findOne({
      clinicId: keeper.clinicId,
    });
    expect(kept).toMatchObject({ recipient: { address: '+33622222222' } });
    expect(typeof kept!.text).toBe('string');
    const replies = await collection<ReplyDocument>(ctx.app, 'replies')
      .find({ clinicId: clinic.clinicId })
      .toArray();
    expect(replies.map((r) => [r.text, r.from, r.meaning])).toEqual([['', '', 'unknown']]);
    expect(await collection(ctx.app, 'sandbox_messages').countDocuments({ _id: { $in: old } })).toBe(1);

    const reportAfter = await ctx
      .as(clinic)
      .get('/api/deliveries/summary?from=2025-01-01&to=2025-01-31')
      .expect(200);
    expect(reportAfter.body).toEqual(reportBefore.body);
    expect(reportAfter.body.days.reduce((sum: number, d: { total: number }) => sum + d.total, 0)).toBe(123);

    // The same day again, from either process: already claimed, nothing done.
    expect(await ctx.app.get(RetentionService).runDue()).toEqual([]);
    expect(await second.get(RetentionService).runDue()).toEqual([]);
    // The next day: claimed again, and nothing left to empty.
    clock.set('2026-02-21T10:00:00Z');
    const nextDay = await ctx.app.get(RetentionService).runDue();
    expect(nextDay.find((r) => r.clinicId === clinic.clinicId)).toMatchObject({ deliveries: 0, replies: 0 });

    const audit = await ctx.as(clinic).get('/api/audit?action=retention.applied').expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        actor: { kind: 'system', id: null, label: 'retention' },
        details: {
          months: 13,
          deliveries: 123,
          replies: 1,
          sandboxMessages: 123,
          hl7Messages: 1,
          webhookMessages: 1,
        },
      }),
    ]);
  });
});
