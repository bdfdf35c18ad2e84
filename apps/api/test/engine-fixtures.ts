import type { Flow } from '@clinicflow/rules';
import { DateTime } from 'luxon';
import { withNulls, type DeliveryDocument } from '../src/modules/deliveries/delivery.document';
import { EngineService } from '../src/modules/engine/engine.service';
import type { RunDocument } from '../src/modules/runs/run.document';
import { collection } from './engine-dispatch-fixtures';
import type { TestClinic } from './test-app';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

type Ctx = ReturnType<typeof useTestContext>;

/** A PMS booking event of api.md; `start` is a clinic-local time such as '2026-03-07T10:00' in Paris. */
export function bookingEvent(
  id: string,
  appointmentId: string,
  start: string,
  options: {
    type?: string;
    at?: string;
    zone?: string;
    source?: 'online' | 'staff';
    patient?: string;
    service?: string;
    resource?: string;
    language?: string;
  } = {},
) {
  const zone = options.zone ?? 'Europe/Paris';
  const startAt = DateTime.fromISO(start, { zone });
  return {
    id,
    type: options.type ?? 'appointment.booked',
    occurredAt: options.at ?? '2026-03-02T08:00:00Z',
    appointment: {
      externalId: appointmentId,
      start: startAt.toISO(),
      end: startAt.plus({ minutes: 30 }).toISO(),
      source: options.source ?? 'online',
      serviceExternalId: options.service ?? 'S-CHECK',
      resourceExternalId: options.resource ?? 'R-DUPONT',
      locationExternalId: 'L-MAIN',
    },
    patient: {
      externalId: options.patient ?? `P-${appointmentId}`,
      firstName: 'Léa',
      lastName: 'Martin',
      mobile: '06 12 34 56 78',
      email: 'lea.martin@example.org',
      language: options.language ?? 'fr',
    },
  };
}

/** Sent (the sandbox may already have delivered it) at this clinic-local minute. */
export function sentAtLocal(delivery: DeliveryDocument, at: string, zone = 'Europe/Paris') {
  expect(['sent', 'delivered']).toContain(delivery.status);
  expect(delivery.sentAt && local(delivery.sentAt, zone)).toBe(at);
}

/** A clinic-local reading of an instant: 'yyyy-MM-dd HH:mm' in the zone. */
export function local(at: Date | string, zone = 'Europe/Paris'): string {
  const instant = typeof at === 'string' ? DateTime.fromISO(at) : DateTime.fromJSDate(at);
  return instant.setZone(zone).toFormat('yyyy-MM-dd HH:mm');
}

/** The engine as the specs drive it: flows through the HTTP API, the outcome read from the collections. */
export function engineDriver(ctx: Ctx, clock: TestClock) {
  return {
    /** Saves, publishes and (unless told otherwise) enables a flow; answers its id. */
    async publish(clinic: TestClinic, flow: Flow, enable = true): Promise<string> {
      const { id: _starterId, ...body } = flow;
      const created = await ctx.as(clinic).post('/api/flows', body).expect(201);
      await ctx.as(clinic).post(`/api/flows/${created.body.id}/publish`, { note: 'test' }).expect(201);
      if (enable) await ctx.as(clinic).post(`/api/flows/${created.body.id}/enable`).expect(200);
      return created.body.id as string;
    },
    post(clinic: TestClinic, event: object) {
      return ctx.http().post('/api/events').set('x-api-key', clinic.apiKey).send(event);
    },
    /** Settings for the clinic, and SMS credits so its sends do not fail for want of them. */
    async settings(clinic: TestClinic, update: object) {
      await ctx.as(clinic).put('/api/settings', update).expect(200);
      await ctx.as(clinic).post('/api/settings/credits/top-ups', { credits: 1000 }).expect(200);
    },
    /** A clinic's deliveries as the product reads them (their unset fields null: `withNulls`). */
    async deliveries(clinic: TestClinic, filter: Partial<DeliveryDocument> = {}) {
      const stored = (await collection<DeliveryDocument>(ctx.app, 'deliveries')
        .find({ ...filter, clinicId: clinic.clinicId } as object)
        .sort({ sendAt: 1 })
        .toArray()) as DeliveryDocument[];
      return stored.map((delivery) => withNulls(delivery));
    },
    async runs(clinic: TestClinic, filter: Partial<RunDocument> = {}) {
      return (await collection<RunDocument>(ctx.app, 'runs')
        .find({ ...filter, clinicId: clinic.clinicId } as object)
        .sort({ createdAt: 1 })
        .toArray()) as RunDocument[];
    },
    /** Moves the clock and lets the engine do what is due (leftover events, timers, sends). */
    async at(instant: string) {
      clock.set(instant);
      await ctx.app.get(EngineService).drain();
    },
  };
}
