import { SENT_BY_ENGINE } from '@clinicflow/contract';
import type { ClinicClock } from '../../../clock';
import type { Messages } from '../../../i18n/messages';
import { formatMessage } from '../../flows/utils/formatMessage';
import type { DeliveryRow, DeliveryStatus } from '../api/reportApi';

/** A status's colour in chips, the table and the chart (failures red, pending grey, success green). */
export const statusColors: Record<DeliveryStatus, string> = {
  scheduled: 'gray.5',
  sending: 'cyan.5',
  sent: 'blue.5',
  delivered: 'green.6',
  read: 'green.8',
  answered: 'teal.7',
  failed: 'red.6',
  retrying: 'orange.5',
  cancelled: 'dark.3',
  expired: 'yellow.7',
  skipped: 'violet.4',
};

const capitalised = (status: string) =>
  status.charAt(0).toUpperCase() + status.slice(1).replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** The status in the front desk's words (Opus's: waiting, sent, answered, failed and retrying…). */
export function statusLabel(t: Messages, status: string): string {
  return (t as Record<string, string>)[`statusLabel${capitalised(status)}`] ?? status;
}

/** What the status means, for the legend. */
export function statusMeaning(t: Messages, status: string): string {
  return (t as Record<string, string>)[`statusMeaning${capitalised(status)}`] ?? '';
}

/** The colour of each kind of recipient (Médialogis colours patients, practitioners and staff apart). */
export const recipientColors: Record<string, string> = {
  patient: 'blue',
  resource: 'grape',
  'referring-doctor': 'teal',
  'clinic-admin': 'orange',
  custom: 'gray',
};

/** The kind of recipient in words. */
export function recipientLabel(t: Messages, type: string): string {
  const labels: Record<string, string> = {
    patient: t.recipientPatient,
    resource: t.recipientResource,
    'referring-doctor': t.recipientReferringDoctor,
    'clinic-admin': t.recipientClinicAdmin,
    custom: t.recipientCustom,
  };
  return labels[type] ?? type;
}

export { channelLabel } from '../../../i18n/channelWords';

/** A provider's or the engine's error code in plain words, for the front desk. */
export function errorInWords(t: Messages, error: NonNullable<DeliveryRow['error']>): string {
  const words: Record<string, string> = {
    'credits-exhausted': t.errorCreditsExhausted,
    authentication: t.errorAuthentication,
    address: t.errorAddress,
    connection: t.errorConnection,
    'connection-lost': t.errorConnection,
    timeout: t.errorConnection,
    expired: t.errorExpired,
    template: t.errorTemplate,
    syntax: t.errorTemplate,
    'missing-value': t.errorTemplate,
    'unknown-variable': t.errorTemplate,
    'no-consent': t.errorNoConsent,
    'provider-settings': t.errorProviderSettings,
  };
  return words[error.code] ?? t.errorOther;
}

/**
 * A date and time as the clinic reads it (its zone, the interface language's format); empty while the clinic's
 * clock is not known yet, so that no time is ever shown in the browser's zone.
 */
export function formatWhen(iso: string | null | undefined, clock: ClinicClock | null): string {
  if (!iso || !clock) return '';
  return clock.dateTime(iso);
}

/** Who sent a message (S3): the engine with its flow's name, or the user's name (their e-mail when unknown). */
export function sentByLabel(
  t: Messages,
  row: Pick<DeliveryRow, 'sentBy' | 'flowId'>,
  flowNames: ReadonlyMap<string, string>,
  userNames: ReadonlyMap<string, string>,
): string {
  if (row.sentBy !== SENT_BY_ENGINE) return userNames.get(row.sentBy) ?? row.sentBy;
  const flow = row.flowId ? flowNames.get(row.flowId) : undefined;
  return flow ? formatMessage(t.reportSentByEngineFlow, { flow }) : t.reportSentByEngine;
}
