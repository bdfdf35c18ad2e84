import { WEBHOOK_EVENT_TYPES, type WebhookKind } from '@clinicflow/contract';
import { en } from '../../../i18n/en';
import { webhookEventLabel, webhookEventsOf } from './webhookWords';

describe('webhookWords', () => {
  describe(webhookEventsOf.name, () => {
    it.each<{ kind: WebhookKind; events: readonly string[] }>([
      { kind: 'webhook', events: WEBHOOK_EVENT_TYPES },
      { kind: 'fhir', events: ['appointment.confirmed', 'appointment.declined'] },
      { kind: 'hl7', events: ['appointment.confirmed', 'appointment.declined'] },
    ])('should offer a $kind endpoint what it may hear', ({ kind, events }) => {
      expect(webhookEventsOf(kind)).toEqual(events);
    });
  });

  describe(webhookEventLabel.name, () => {
    it.each([
      ['delivery.status_changed', 'A message’s status changed'],
      ['reply.received', 'A patient replied'],
      ['appointment.confirmed', 'A patient confirmed an appointment'],
      ['appointment.declined', 'A patient declined an appointment'],
      ['consent.changed', 'A patient’s consent changed'],
      ['run.ended', 'A flow’s run ended'],
      ['flow.webhook', 'flow.webhook'],
    ])('should word %s', (type, words) => {
      expect(webhookEventLabel(en, type)).toBe(words);
    });
  });
});
