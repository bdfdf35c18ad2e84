import type {
  Channel,
  MessagePurpose,
  MessageTemplate,
  Reason,
  RecipientType,
  Sender,
} from '@clinicflow/rules';
import {
  DELIVERY_STATUSES,
  QUEUED_STATUSES,
  SENT_BY_ENGINE,
  type DeliveryOrigin,
  type DeliveryStatus,
} from '@clinicflow/contract';
import type { ClinicDocument } from '../../tenancy/clinic-scoped.repository';

/** The statuses of api.md; a delivery only moves forward (see docs/engine.md for the transitions). */
export const deliveryStatuses = DELIVERY_STATUSES;
export type { DeliveryStatus };

/** Statuses in which a delivery still has a `delivery_queue` entry: the dispatcher will look at it again. */
export const queuedStatuses = QUEUED_STATUSES;

/** Where a delivery came from: a flow's send/ask step, a one-off send (F12), a batch (F11), or a notice (F10). */
export type { DeliveryOrigin };

/** `sentBy` of the messages nobody sent by hand: a flow's, a notice's (the report's "sent by" column). */
export const ENGINE_SENDER = SENT_BY_ENGINE;

/** The error code of an SMS the dispatcher did not send for want of credits (S7, scenario 10). */
export const CREDITS_EXHAUSTED = 'credits-exhausted';

/** One change of status, kept in order on the delivery (the report's timeline). */
export interface DeliveryHistoryEntry {
  status: DeliveryStatus;
  at: Date;
  attempt: number;
  reason: string | null;
  /** `reason` as a code the editor words (absent from entries written before codes, and when there is none). */
  why?: Reason | null;
  by: string | null;
}

/**
 * One message to one recipient on one channel. `_id` is the idempotency key (run + node + recipient for a
 * flow's message), so planning the same message twice inserts it once. Fields the report filters or groups
 * by (clinic-local day, channel, status, flow, service, resource) are stored on the document.
 */
export interface DeliveryDocument extends ClinicDocument {
  origin: DeliveryOrigin;
  runId: string | null;
  flowId: string | null;
  flowVersion: number | null;
  nodeId: string | null;
  batchId: string | null;
  appointmentId: string | null;
  patientId: string | null;
  serviceId: string | null;
  resourceId: string | null;
  channel: Channel;
  recipient: { type: RecipientType; name: string | null; address: string | null };
  /** The recipient's name and address folded for the report's search (set by `DeliveryRepository`). */
  searchText?: string;
  purpose: MessagePurpose | null;
  expectsReply: boolean;
  template: MessageTemplate;
  language: string;
  sender: Sender | null;
  /**
   * The sender it went out with, as the dispatcher's renderer resolved it at send time (the step's, else the
   * template's, else the clinic's): an SMS sender name, a caller number, or `Name <address>`. Null before it
   * is written, or when the provider's own default was used.
   */
  from: string | null;
  /**
   * Who sent it (S3): the user's e-mail for a one-off or batch send, `engine` (ENGINE_SENDER) for a flow's
   * message or a notice. Always one string, so the report filters on it in SQL (docs/report.md).
   */
  sentBy: string;
  /** What the template is rendered with at send time (rules' templateData at planning). */
  templateData: Record<string, unknown>;
  createdAt: Date;
  /** The clinic-local day (YYYY-MM-DD) of `createdAt` and of `sendAt`, for the report's per-day counts. */
  createdDay: string;
  sendDay: string;
  sendAt: Date;
  expiresAt: Date | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  answeredAt: Date | null;
  /** When the e-mail was first opened: its tracking image fetched (C6, docs/patient-links.md). */
  openedAt: Date | null;
  /** How many times its tracking image was fetched (absent before the first). */
  opens?: number;
  /** How many of those fetches came from a mail privacy proxy that loads images unread (Apple Mail's). */
  proxyOpens?: number;
  /**
   * A rung of a run's "Reach the patient" step: which (1 = the first) and its idempotency key, by which the run
   * knows it (docs/engine.md). Its receipts and its failure are told to the run. Absent on other messages.
   */
  ladder?: { rung: number; key: string };
  /** When the patient read it: a WhatsApp read receipt (status `read`); absent before. */
  readAt?: Date | null;
  status: DeliveryStatus;
  /** The last attempt claimed (0 before the first); claims are `<_id>#<attempt>`. */
  attempt: number;
  /** Until when the process that claimed the current attempt owns it (status `sending`). */
  leaseUntil: Date | null;
  error: { code: string; reason: string } | null;
  /** Why it was skipped or cancelled, in the front desk's words (English: kept for the export and old data). */
  reason: string | null;
  /** `reason` as a code with its parameters, worded by the editor in the user's language (absent before codes). */
  why?: Reason | null;
  text: string | null;
  subject: string | null;
  segments: number | null;
  credits: number | null;
  provider: string | null;
  providerMessageId: string | null;
  /** Sent again after a crash to a provider that could not say whether it had accepted it (scenario 11). */
  inDoubt: boolean;
  /**
   * A reminder not sent because another of the same day named its appointment (one message per patient per
   * day): that delivery's id.
   */
  mergedInto?: string;
  /** The appointments a sent reminder's text named when the clinic sends one message per patient per day. */
  namedAppointments?: string[];
  history: DeliveryHistoryEntry[];
  updatedAt: Date;
  /** When its texts and addresses were removed (retention or the patient's erasure; docs/privacy.md). */
  contentRemovedAt?: Date;
}

/** Who sent a delivery stored before `sentBy` existed: whoever its first history entry names, else the engine. */
export function sentByOf(delivery: Pick<DeliveryDocument, 'history'>): string {
  return delivery.history?.[0]?.by ?? ENGINE_SENDER;
}

/**
 * The fields of a delivery that are `null` until something sets them. A planned delivery is stored without
 * them: on our FerretDB each stored `null` is a value and a schema entry to write and index, which cost more
 * than the deliveries' eleven indexes together (docs/engine.md "Speed"). Every read gives them back as `null`
 * (`withNulls`); the database's filters and sorts treat a missing field as `null` already, on any MongoDB.
 */
export const NULLABLE_DELIVERY_FIELDS = [
  'runId',
  'flowId',
  'flowVersion',
  'nodeId',
  'batchId',
  'appointmentId',
  'patientId',
  'serviceId',
  'resourceId',
  'purpose',
  'sender',
  'from',
  'expiresAt',
  'sentAt',
  'deliveredAt',
  'answeredAt',
  'openedAt',
  'leaseUntil',
  'error',
  'reason',
  'why',
  'text',
  'subject',
  'segments',
  'credits',
  'provider',
  'providerMessageId',
] as const satisfies readonly (keyof DeliveryDocument)[];

/** A delivery as stored: without its `null` fields (NULLABLE_DELIVERY_FIELDS). */
export function withoutNulls<T extends Partial<DeliveryDocument>>(delivery: T): T {
  const stored = { ...delivery };
  for (const field of NULLABLE_DELIVERY_FIELDS) {
    if (stored[field] === null) delete stored[field];
  }
  return stored;
}

/**
 * A delivery as read: its missing nullable fields given back as `null`; of a projection's read, only the
 * fields it asked for.
 */
export function withNulls<T extends Partial<DeliveryDocument>>(
  stored: T,
  projection?: Partial<Record<keyof DeliveryDocument, unknown>>,
): T {
  const delivery: Record<string, unknown> = stored;
  for (const field of NULLABLE_DELIVERY_FIELDS) {
    if (delivery[field] === undefined && (!projection || field in projection)) delivery[field] = null;
  }
  return stored;
}
