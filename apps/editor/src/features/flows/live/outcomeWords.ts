import { deliveryOutcomeOf, deliveryStatusSchema, type DeliveryOutcome } from '@clinicflow/contract';
import type { Messages } from '../../../i18n/messages';

const words: Record<string, keyof Messages> = {
  scheduled: 'flowLiveStatusScheduled',
  sending: 'flowLiveStatusSending',
  sent: 'flowLiveStatusSent',
  delivered: 'flowLiveStatusDelivered',
  read: 'flowLiveStatusRead',
  answered: 'flowLiveStatusAnswered',
  failed: 'flowLiveStatusFailed',
  retrying: 'flowLiveStatusRetrying',
  cancelled: 'flowLiveStatusCancelled',
  expired: 'flowLiveStatusExpired',
  skipped: 'flowLiveStatusSkipped',
  starting: 'flowLiveStatusStarting',
  waiting: 'flowLiveStatusWaiting',
  'awaiting-reply': 'flowLiveStatusAwaitingReply',
  ended: 'flowLiveStatusEnded',
};

/** A delivery's or a run's status in the clinic's words (the raw status when it is a new one). */
export function outcomeWords(t: Messages, status: string): string {
  const key = words[status];
  return key ? String(t[key]) : status;
}

const colors: Record<DeliveryOutcome, string> = {
  pending: 'gray',
  sent: 'green',
  failed: 'red',
  stopped: 'orange',
};

/** Badge colour of an outcome: red for failures (a retry too), green for messages out, grey otherwise. */
export function outcomeColor(status: string): string {
  if (status === 'retrying') return colors.failed;
  const delivery = deliveryStatusSchema.safeParse(status);
  return delivery.success ? colors[deliveryOutcomeOf(delivery.data)] : 'gray';
}
