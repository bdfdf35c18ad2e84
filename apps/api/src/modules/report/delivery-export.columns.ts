import { reasonCatalogues, wordReason, type ReasonWordings } from '@clinicflow/contract';
import type { RecipientType } from '@clinicflow/rules';
import { DateTime, Info } from 'luxon';
import { ENGINE_SENDER, type DeliveryDocument, type DeliveryStatus } from '../deliveries/delivery.document';

export type ExportLanguage = 'en' | 'fr';

/** The fields of a delivery the export reads (the rest — template, history — is never loaded). */
export type ExportedDelivery = Pick<
  DeliveryDocument,
  | '_id'
  | 'createdAt'
  | 'sendAt'
  | 'sentAt'
  | 'deliveredAt'
  | 'openedAt'
  | 'opens'
  | 'readAt'
  | 'status'
  | 'channel'
  | 'recipient'
  | 'text'
  | 'subject'
  | 'segments'
  | 'credits'
  | 'error'
  | 'reason'
  | 'why'
  | 'flowId'
  | 'nodeId'
  | 'appointmentId'
  | 'from'
  | 'sentBy'
>;

/** A cell: text, a number, or a clinic-local time; empty when the delivery has no such value. */
export type ExportCell = string | number | { local: DateTime } | null;

/** What a row needs besides the delivery: the clinic's time zone, its flows' and its users' names. */
export interface ExportContext {
  zone: string;
  language: ExportLanguage;
  flowNames: Map<string, string>;
  /** The clinic's users' names by e-mail (the "sent by" column). */
  userNames: Map<string, string>;
  /** The names on the steps' cards by `<flowId>#<nodeId>` (the "step" column); a step without one says what it sends. */
  stepNames?: Map<string, string>;
}

interface ExportColumn {
  header: Record<ExportLanguage, string>;
  width: number;
  value: (d: ExportedDelivery, context: ExportContext) => ExportCell;
  /** A time column: its header names the clinic's zone, which the file's times are in. */
  zoned?: boolean;
}

/** A column's header in the file's language; a time column's says its zone ("created (Europe/Paris)"). */
export function headerOf(column: ExportColumn, context: Pick<ExportContext, 'zone' | 'language'>): string {
  const header = column.header[context.language];
  return column.zoned ? `${header} (${context.zone})` : header;
}

const STATUS_WORDS: Record<DeliveryStatus, Record<ExportLanguage, string>> = {
  scheduled: { en: 'scheduled', fr: 'programmé' },
  sending: { en: 'sending', fr: 'en cours d’envoi' },
  sent: { en: 'sent', fr: 'envoyé' },
  delivered: { en: 'delivered', fr: 'remis' },
  read: { en: 'read', fr: 'lu' },
  answered: { en: 'answered', fr: 'répondu' },
  failed: { en: 'failed', fr: 'échec' },
  retrying: { en: 'retrying', fr: 'nouvel essai' },
  cancelled: { en: 'cancelled', fr: 'annulé' },
  expired: { en: 'expired', fr: 'expiré' },
  skipped: { en: 'skipped', fr: 'non envoyé' },
};

const CHANNEL_WORDS: Record<string, Record<ExportLanguage, string>> = {
  sms: { en: 'SMS', fr: 'SMS' },
  email: { en: 'e-mail', fr: 'e-mail' },
  voice: { en: 'voice call', fr: 'appel vocal' },
  whatsapp: { en: 'WhatsApp', fr: 'WhatsApp' },
};

const RECIPIENT_WORDS: Record<RecipientType, Record<ExportLanguage, string>> = {
  patient: { en: 'patient', fr: 'patient' },
  resource: { en: 'practitioner', fr: 'praticien' },
  'referring-doctor': { en: 'referring doctor', fr: 'médecin adresseur' },
  'clinic-admin': { en: 'clinic admin', fr: 'administration' },
  custom: { en: 'other', fr: 'autre' },
};

const ENGINE_WORDS: Record<ExportLanguage, string> = { en: 'engine', fr: 'automatique' };

/**
 * How the export words what a reason says of channels, days and times: in the file's language, times in the
 * clinic's zone as the time columns are (the sentences themselves are the editor's, libs/contract reasons/words).
 */
function exportWordings(context: ExportContext): ReasonWordings {
  const { language, zone } = context;
  return {
    language,
    channel: (channel) => CHANNEL_WORDS[channel]?.[language] ?? channel,
    status: (status) => status,
    event: (type) => type,
    // as the file's time columns write them (a spreadsheet sorts them), to the minute
    instant: (iso) => DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd HH:mm'),
    day: (day) => day,
    weekday: (isoWeekday) =>
      Info.weekdays('long', { locale: language })[isoWeekday - 1] ?? String(isoWeekday),
  };
}

/** Why it failed, was skipped or cancelled: the reason worded in the file's language, else the stored sentence. */
function reasonCell(d: ExportedDelivery, context: ExportContext): ExportCell {
  if (d.error) return d.error.reason;
  const worded = d.why
    ? wordReason(reasonCatalogues[context.language], d.why, exportWordings(context))
    : null;
  return worded ?? d.reason ?? null;
}

/** A step without a name on its card, said by what it sends ("SMS (patient)"), never by its id. */
function stepCell(d: ExportedDelivery, context: ExportContext): ExportCell {
  if (!d.nodeId) return null;
  const named = context.stepNames?.get(`${d.flowId}#${d.nodeId}`);
  if (named) return named;
  const channel = CHANNEL_WORDS[d.channel]?.[context.language] ?? d.channel;
  const recipient = RECIPIENT_WORDS[d.recipient?.type]?.[context.language];
  return recipient ? `${channel} (${recipient})` : channel;
}

/** Who sent it: the engine, or the user's name and e-mail (just the e-mail of a user no longer known). */
function sentByCell(d: ExportedDelivery, context: ExportContext): ExportCell {
  if (!d.sentBy) return null;
  if (d.sentBy === ENGINE_SENDER) return ENGINE_WORDS[context.language];
  const name = context.userNames.get(d.sentBy);
  return name ? `${name} (${d.sentBy})` : d.sentBy;
}

const time = (at: Date | null, context: ExportContext): ExportCell =>
  at ? { local: DateTime.fromJSDate(at, { zone: context.zone }) } : null;

/** The export's columns, in the clinic's words, in the order of the file. */
export const EXPORT_COLUMNS: ExportColumn[] = [
  { header: { en: 'created', fr: 'créé le' }, width: 30, zoned: true, value: (d, c) => time(d.createdAt, c) },
  {
    header: { en: 'to send', fr: 'à envoyer le' },
    width: 30,
    zoned: true,
    value: (d, c) => time(d.sendAt, c),
  },
  { header: { en: 'sent', fr: 'envoyé le' }, width: 30, zoned: true, value: (d, c) => time(d.sentAt, c) },
  {
    header: { en: 'delivered', fr: 'remis le' },
    width: 30,
    zoned: true,
    value: (d, c) => time(d.deliveredAt, c),
  },
  // An e-mail's first opening and how many (C6; only the tracked e-mails have them).
  { header: { en: 'opened', fr: 'ouvert le' }, width: 30, zoned: true, value: (d, c) => time(d.openedAt, c) },
  {
    header: { en: 'opens', fr: 'ouvertures' },
    width: 11,
    value: (d) => (d.channel === 'email' ? (d.opens ?? 0) : null),
  },
  // When the patient read it: a WhatsApp read receipt (docs/whatsapp.md).
  { header: { en: 'read', fr: 'lu le' }, width: 30, zoned: true, value: (d, c) => time(d.readAt ?? null, c) },
  {
    header: { en: 'status', fr: 'statut' },
    width: 12,
    value: (d, c) => STATUS_WORDS[d.status]?.[c.language] ?? d.status,
  },
  {
    header: { en: 'channel', fr: 'canal' },
    width: 10,
    value: (d, c) => CHANNEL_WORDS[d.channel]?.[c.language] ?? d.channel,
  },
  {
    header: { en: 'recipient type', fr: 'type de destinataire' },
    width: 14,
    value: (d, c) => RECIPIENT_WORDS[d.recipient?.type]?.[c.language] ?? d.recipient?.type ?? null,
  },
  { header: { en: 'name', fr: 'nom' }, width: 24, value: (d) => d.recipient?.name ?? null },
  { header: { en: 'address', fr: 'adresse' }, width: 24, value: (d) => d.recipient?.address ?? null },
  {
    header: { en: 'text', fr: 'texte' },
    width: 60,
    value: (d) => (d.subject ? `${d.subject}\n\n${d.text ?? ''}` : d.text),
  },
  // The sender it went out with, as resolved when sent (S4).
  { header: { en: 'sender', fr: 'expéditeur' }, width: 18, value: (d) => d.from ?? null },
  { header: { en: 'segments', fr: 'segments' }, width: 9, value: (d) => d.segments },
  { header: { en: 'credits', fr: 'crédits' }, width: 8, value: (d) => d.credits },
  // A skipped or cancelled message has no error but a reason, which the front desk looks for in the same place.
  {
    header: { en: 'error', fr: 'erreur' },
    width: 40,
    value: reasonCell,
  },
  {
    header: { en: 'flow', fr: 'scénario' },
    width: 24,
    value: (d, c) => (d.flowId ? (c.flowNames.get(d.flowId) ?? d.flowId) : null),
  },
  { header: { en: 'sent by', fr: 'envoyé par' }, width: 24, value: sentByCell },
  {
    header: { en: 'step', fr: 'étape' },
    width: 24,
    value: stepCell,
  },
  { header: { en: 'appointment', fr: 'rendez-vous' }, width: 28, value: (d) => d.appointmentId },
  { header: { en: 'delivery', fr: 'envoi' }, width: 40, value: (d) => d._id },
];

/** The projection that loads only what the columns read. */
export const EXPORT_PROJECTION: Record<keyof ExportedDelivery, 1> = {
  _id: 1,
  createdAt: 1,
  sendAt: 1,
  sentAt: 1,
  deliveredAt: 1,
  openedAt: 1,
  opens: 1,
  readAt: 1,
  status: 1,
  channel: 1,
  recipient: 1,
  text: 1,
  subject: 1,
  segments: 1,
  credits: 1,
  error: 1,
  reason: 1,
  why: 1,
  flowId: 1,
  nodeId: 1,
  appointmentId: 1,
  from: 1,
  sentBy: 1,
};
