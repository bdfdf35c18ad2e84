import type { INestApplication } from '@nestjs/common';
import { Db } from 'mongodb';
import {
  DeliveryPlanningService,
  type DeliveryFacts,
  type DeliveryInput,
} from '../src/modules/deliveries/delivery-planning.service';
import type { DeliveryDocument } from '../src/modules/deliveries/delivery.document';
import { DeliveryRepository } from '../src/modules/deliveries/delivery.repository';
import type { SandboxMessageDocument } from '../src/modules/dispatcher/sandbox-message.repository';
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
