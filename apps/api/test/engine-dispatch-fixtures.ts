import type { INestApplication } from '@nestjs/common';
import { Db } from 'mongodb';
import {
  DeliveryPlanningService,
  type DeliveryFacts,
  type DeliveryInput,
} from '../src/modules/deliveries/delivery-planning.service';
import type { DeliveryDocument } from '../src/modules/deliveries/delivery.document';
import { DeliveryClaimRepository } from '../src/modules/deliveries/delivery-claim.repository';
import { DeliveryRepository } from '../src/modules/deliveries/delivery.repository';
import type { SandboxMessageDocument } from '../src/modules/dispatcher/sandbox-message.repository';
import type { TestClinic, useTestContext } from './test-app';
import type { TestClock } from './test-clock';

/** Plans deliveries the way the runs do (DeliveryPlanningService), with an SMS to Léa as the default. */
export function deliveryFactory(app: () => INestApplication, clock: TestClock) {
  let counter = 0;
  const input = (overrides: Partial<DeliveryInput> = {}): DeliveryInput => ({
    key: `test-${++counter}-${Math.random().toString(36).slice(2)}`,
    channel: 'sms',
    recipient: { type: 'patient', name: 'Léa Martin', address: '+33612345678' },
    sendAt: clock.now(),
    template: { byLanguage: { fr: { body: 'Bonjour {{patient.firstName}}, votre RDV est confirmé.' } } },
    language: 'fr',
    ...overrides,
  });
  const facts = (overrides: Partial<DeliveryFacts> = {}): DeliveryFacts => ({
    timeZone: 'Europe/Paris',
    origin: 'one-off',
    templateData: { patient: { firstName: 'Léa', lastName: 'Martin' } },
    ...overrides,
  });

  /** Plans one delivery and answers it. */
  async function plan(
    clinicId: string,
    overrides: Partial<DeliveryInput> = {},
    factOverrides: Partial<DeliveryFacts> = {},
  ): Promise<DeliveryDocument> {
    const answer = await app()
      .get(DeliveryPlanningService)
      .plan(clinicId, [input(overrides)], facts(factOverrides), clock.now());
    return answer.planned[0];
  }

  /** Plans many at once (one insert). */
  async function planMany(clinicId: string, count: number, overrides: Partial<DeliveryInput> = {}) {
    const inputs = Array.from({ length: count }, () => input(overrides));
    return (await app().get(DeliveryPlanningService).plan(clinicId, inputs, facts(), clock.now())).planned;
  }

  /** The delivery as stored now. */
  async function read(delivery: DeliveryDocument): Promise<DeliveryDocument> {
    return (await app().get(DeliveryRepository).findById(delivery.clinicId, delivery._id))!;
  }

  return { plan, planMany, read };
}

/** A collection of the test's database, read directly. */
export function collection<T extends object>(app: INestApplication, name: string) {
  return app.get(Db).collection<T & { _id: string }>(name);
}

/** What the shared sandbox holds under a delivery's key. */
export function sandboxMessage(app: INestApplication, deliveryId: string) {
  return collection<SandboxMessageDocument>(app, 'sandbox_messages').findOne({ _id: deliveryId });
}

/**
 * Waits for a condition (receipts and mail arrive on their own), looking every `everyMs` (longer for a costly
 * look taken while the engine is busy, so that the looking does not slow what it waits for).
 */
export async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  everyMs = 20,
): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The SMS provider of a clinic that sends through the test's SMS centre (`startSmsc`), with its credentials. */
export function smscProvider(smsc: { port: number }, more: { ratePerSecond?: number } = {}) {
  return {
    kind: 'smpp',
    options: { host: '127.0.0.1', port: smsc.port, systemId: 'clinic', defaultFrom: 'Cabinet' },
    credentials: { password: 'secret' },
    ...more,
  };
}

/**
 * Makes a clinic send real SMS (not in test mode) through `sms` to every patient with a valid contact, and
 * gives it `credits`.
 */
export async function sendSmsThrough(
  ctx: ReturnType<typeof useTestContext>,
  clinic: TestClinic,
  sms: object,
  credits: number,
): Promise<void> {
  await ctx
    .as(clinic)
    .put('/api/settings', {
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
      testMode: false,
      providers: { sms },
    })
    .expect(200);
  await ctx.as(clinic).post('/api/settings/credits/top-ups', { credits }).expect(200);
}

/**
 * Attempt 1 of a delivery claimed by a process that was then killed, with the lease its claim carried (none: a
 * claim of the earlier protocol, whose lease is `at` + the lease).
 */
export function claimedByAKilledProcess(
  app: INestApplication,
  clock: TestClock,
  delivery: { _id: string; clinicId: string },
  leaseUntil?: Date,
) {
  return app.get(DeliveryClaimRepository).claim({
    clinicId: delivery.clinicId,
    deliveryId: delivery._id,
    attempt: 1,
    kind: 'send',
    by: 'killed-process',
    at: clock.now(),
    ...(leaseUntil ? { leaseUntil } : {}),
  });
}
