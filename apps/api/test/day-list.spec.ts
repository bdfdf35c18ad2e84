import type { INestApplication } from '@nestjs/common';
import { practitionerDayListFlow, type Flow } from '@clinicflow/rules';
import { Db } from 'mongodb';
import type { DeliveryDocument } from '../src/modules/deliveries/delivery.document';
import { EngineService } from '../src/modules/engine/engine.service';
import type { EventDocument } from '../src/modules/events/event.repository';
import { collection } from './engine-dispatch-fixtures';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { createTestApp, useTestContext, type TestClinic } from './test-app';
import { TestClock } from './test-clock';

/**
 * F10, the practitioners' day list: a flow triggered "every day at 18:00" (clinic time) sends one e-mail per
 * practitioner listing their appointments of the next day, in the practitioner's language. Two API processes
 * tick side by side on the same database: the day's firing is decided by the insert of its event, so it
 * happens once per day and clinic.
 */
describe('the practitioners’ day list (F10)', () => {
  const clock = new TestClock('2026-03-28T10:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  const late = ctx.clinic();
  let second: INestApplication;

  /** Both processes tick at once at `instant`, then until nothing is left to do. */
  const bothAt = async (instant: string) => {
    clock.set(instant);
    const engines = [ctx.app, second].map((app) => app.get(EngineService));
    await Promise.all(engines.map((e) => e.tick()));
    for (const e of engines) await e.drain();
  };
  const dailyEvents = (of: TestClinic) =>
    collection<EventDocument>(ctx.app, 'events')
      .find({ clinicId: of.clinicId, type: 'schedule.daily' } as object)
      .sort({ occurredAt: 1 })
      .toArray();
  const lists = (of: TestClinic) =>
    engine.deliveries(of, { nodeId: 'email-day-list' } as Partial<DeliveryDocument>);

  const book = (id: string, start: string, resource: string, firstName: string, service = 'S-DETARTRAGE') => {
    const event = bookingEvent(id, id, start, {
      resource,
      service,
      patient: `P-${id}`,
      at: '2026-03-20T08:00:00Z',
    });
    return engine.post(clinic, { ...event, patient: { ...event.patient, firstName } }).expect(202);
  };

  beforeAll(async () => {
    second = await createTestApp({ MONGODB_DB_NAME: ctx.app.get(Db).databaseName }, { clock });
    await engine.settings(clinic, { consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] } });
    const put = (kind: string, externalId: string, body: object) =>
      ctx.as(clinic).put(`/api/${kind}/by-external-id/${externalId}`, body).expect(200);
    await put('resources', 'R-MARTIN', {
      name: 'Dr Claire Martin',
      email: 'martin@cabinet.example',
      language: 'en',
    });
    await put('resources', 'R-DUPONT', {
      name: 'Dr Paul Dupont',
      email: 'dupont@cabinet.example',
      language: 'fr',
    });
    await put('services', 'S-DETARTRAGE', { name: 'Détartrage' });
    await put('services', 'S-CONTROLE', { name: 'Contrôle' });
    await put('locations', 'L-MAIN', { name: 'Cabinet du Parc' });
    await book('M-1', '2026-03-30T14:00', 'R-MARTIN', 'Hugo', 'S-CONTROLE');
    await book('M-2', '2026-03-30T09:30', 'R-MARTIN', 'Léa');
    await book('M-gone', '2026-03-30T11:00', 'R-MARTIN', 'Zoé');
    await engine
      .post(clinic, {
        ...bookingEvent('M-gone-c', 'M-gone', '2026-03-30T11:00', {
          type: 'appointment.cancelled',
          at: '2026-03-21T08:00:00Z',
        }),
      })
      .expect(202);
    await book('D-1', '2026-03-30T11:00', 'R-DUPONT', 'Inès');
    await book('D-2', '2026-03-31T08:15', 'R-DUPONT', 'Tom');
    await engine.publish(clinic, practitionerDayListFlow);
  });
  afterAll(() => second?.close());

  it('should fire at 18:00 clinic time on both sides of the clock change, once, with both processes ticking', async () => {
    // Saturday 28 March, winter time: 18:00 is 17:00 UTC. Sunday has no appointment: the day fires, no list goes.
    await bothAt('2026-03-28T16:59:00Z');
    expect(await dailyEvents(clinic)).toEqual([]);
    await bothAt('2026-03-28T17:00:00Z');
    expect((await dailyEvents(clinic)).map((e) => e.occurredAt.toISOString())).toEqual([
      '2026-03-28T17:00:00.000Z',
    ]);
    expect(await lists(clinic)).toEqual([]);

    // Sunday 29 March, summer time since 02:00: 18:00 is 16:00 UTC.
    await bothAt('2026-03-29T15:59:00Z');
    expect(await dailyEvents(clinic)).toHaveLength(1);
    await bothAt('2026-03-29T16:00:00Z');
    await bothAt('2026-03-29T19:30:00Z');
    const events = await dailyEvents(clinic);
    expect(events.map((e) => e.occurredAt.toISOString())).toEqual([
      '2026-03-28T17:00:00.000Z',
      '2026-03-29T16:00:00.000Z',
    ]);
    expect(
      await collection(ctx.app, 'pending_events').countDocuments({
        _id: { $in: events.map((e) => e._id) },
      } as object),
    ).toBe(0);

    const sent = await lists(clinic);
    expect(sent.map((d) => [d.recipient.address, d.language, d.status])).toEqual(
      expect.arrayContaining([
        ['martin@cabinet.example', 'en', expect.stringMatching(/^(sent|delivered)$/)],
        ['dupont@cabinet.example', 'fr', expect.stringMatching(/^(sent|delivered)$/)],
      ]),
    );
    expect(sent).toHaveLength(2);
    const martin = sent.find((d) => d.recipient.address === 'martin@cabinet.example')!;
    expect(martin.subject).toBe('Your 2 appointments on Monday 30 March');
    expect(martin.text).toBe(
      'Hello Dr Claire Martin,\n\nYour appointments on Monday 30 March:\n09:30 Léa Martin, Détartrage (Cabinet du Parc)\n14:00 Hugo Martin, Contrôle (Cabinet du Parc)',
    );
    const dupont = sent.find((d) => d.recipient.address === 'dupont@cabinet.example')!;
    expect(dupont.subject).toBe('Vos 1 rendez-vous du lundi 30 mars');
    expect(dupont.text).toContain(
      'Vos rendez-vous du lundi 30 mars :\n11:00 Inès Martin, Détartrage (Cabinet du Parc)',
    );
  });

  it('should fire again the next day with that day’s list', async () => {
    await bothAt('2026-03-30T16:00:00Z');
    const sent = await lists(clinic);
    expect(sent).toHaveLength(3);
    const tuesday = sent.filter((d) => d.subject === 'Vos 1 rendez-vous du mardi 31 mars');
    expect(tuesday.map((d) => d.text)).toEqual([
      'Bonjour Dr Paul Dupont,\n\nVos rendez-vous du mardi 31 mars :\n08:15 Tom Martin, Détartrage (Cabinet du Parc)',
    ]);
    expect(await dailyEvents(clinic)).toHaveLength(3);
  });

  it('should start a flow published after today’s time only from the next day', async () => {
    const evening: Flow = {
      ...practitionerDayListFlow,
      nodes: practitionerDayListFlow.nodes.map((node) =>
        node.type === 'trigger' ? { ...node, data: { ...node.data, dailyAt: '19:00' } } : node,
      ),
    };
    clock.set('2026-03-31T17:30:00Z'); // 19:30 in Paris
    await engine.settings(late, {});
    await engine.publish(late, evening);
    await bothAt('2026-03-31T17:35:00Z');
    expect(await dailyEvents(late)).toEqual([]);
    await bothAt('2026-04-01T17:00:00Z');
    expect((await dailyEvents(late)).map((e) => e.occurredAt.toISOString())).toEqual([
      '2026-04-01T17:00:00.000Z',
    ]);
  });

  it('should refuse to publish a daily trigger without its time, naming the field', async () => {
    const noTime: Flow = {
      ...practitionerDayListFlow,
      nodes: practitionerDayListFlow.nodes.map((node) =>
        node.type === 'trigger'
          ? { ...node, data: { label: 'Every day', events: ['schedule.daily'] } }
          : node,
      ),
    };
    const { id: _id, ...body } = noTime;
    const created = await ctx.as(clinic).post('/api/flows', body).expect(201);
    const refused = await ctx
      .as(clinic)
      .post(`/api/flows/${created.body.id}/publish`, { note: 'x' })
      .expect(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'draft.nodes.0.data.dailyAt', code: 'daily-time-missing' }),
    ]);
  });
});
