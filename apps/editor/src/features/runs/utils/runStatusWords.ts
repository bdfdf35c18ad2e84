import type { Messages } from '../../../i18n/messages';

const keys: Record<string, keyof Messages> = {
  starting: 'runStatusStarting',
  waiting: 'runStatusWaiting',
  'awaiting-reply': 'runStatusAwaitingReply',
  ended: 'runStatusEnded',
  cancelled: 'runStatusCancelled',
};

/** How a run stands, in words. */
export function runStatusWords(t: Messages, status: string): string {
  const key = keys[status];
  return key ? t[key] : status;
}
