import {
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_KINDS,
  WRITE_BACK_EVENTS,
  type WebhookEventType,
  type WebhookKind,
  type WebhookMessageStatus,
} from '@clinicflow/contract';
import type { Messages } from '../../../i18n/messages';

type Key = keyof Messages;

/** The message keys of what a webhook endpoint is and hears, in the clinic's words. */
export const webhookWords = {
  event: {
    'delivery.status_changed': 'webhooksEventDeliveryStatusChanged',
    'reply.received': 'webhooksEventReplyReceived',
    'appointment.confirmed': 'webhooksEventAppointmentConfirmed',
    'appointment.declined': 'webhooksEventAppointmentDeclined',
    'consent.changed': 'webhooksEventConsentChanged',
    'run.ended': 'webhooksEventRunEnded',
  } satisfies Record<WebhookEventType, Key>,
  kind: {
    webhook: 'webhooksKindWebhook',
    fhir: 'webhooksKindFhir',
    hl7: 'webhooksKindHl7',
  } satisfies Record<WebhookKind, Key>,
  badge: {
    webhook: 'webhooksBadgeWebhook',
    fhir: 'webhooksBadgeFhir',
    hl7: 'webhooksBadgeHl7',
  } satisfies Record<WebhookKind, Key>,
  urlHint: {
    webhook: 'webhooksUrlHintWebhook',
    fhir: 'webhooksUrlHintFhir',
    hl7: 'webhooksUrlHintHl7',
  } satisfies Record<WebhookKind, Key>,
  status: {
    delivered: 'webhooksStatusDelivered',
    pending: 'webhooksStatusPending',
    failed: 'webhooksStatusFailed',
  } satisfies Record<WebhookMessageStatus, Key>,
};

/** What the URL of an endpoint of each kind looks like (docs/integrations.md, "Write-back"). */
export const webhookUrlPlaceholders: Record<WebhookKind, string> = {
  webhook: 'https://pms.example.org/hooks',
  fhir: 'https://fhir.example.org/r4',
  hl7: 'mllp://pms.local:2575/CABINET',
};

/** An event type in the clinic's words; the type itself when the interface has no words for it. */
export function webhookEventLabel(t: Messages, type: string): string {
  const key = webhookWords.event[type as WebhookEventType];
  return key ? t[key] : type;
}

/** The events an endpoint of a kind may hear: a PMS's FHIR server or MLLP endpoint, the patients' answers only. */
export function webhookEventsOf(kind: WebhookKind): readonly WebhookEventType[] {
  return kind === 'webhook' ? WEBHOOK_EVENT_TYPES : WRITE_BACK_EVENTS;
}

/** Every kind as a choice, in the contract's order. */
export function webhookKindOptions(t: Messages): { value: WebhookKind; label: string }[] {
  return WEBHOOK_KINDS.map((kind) => ({ value: kind, label: t[webhookWords.kind[kind]] }));
}
