/**
 * WhatsApp's customer service window: for 24 hours after a person's last message, a business may answer with any
 * text; outside it, it may only start a conversation with a template Meta approved (Twilio error 63016).
 */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Whether a free text may go to someone whose last WhatsApp message to the clinic was at `lastMessageAt`. */
export function whatsappWindowOpen(lastMessageAt: Date | null | undefined, now: Date): boolean {
  if (!lastMessageAt) return false;
  const since = now.getTime() - new Date(lastMessageAt).getTime();
  return since >= 0 && since < WHATSAPP_WINDOW_MS;
}

/** What a WhatsApp message sends: its free text inside the window, else its approved template, else nothing. */
export function whatsappForm<T>(
  template: T | undefined,
  lastMessageAt: Date | null | undefined,
  now: Date,
): { send: 'text' } | { send: 'template'; template: T } | { send: 'nothing' } {
  if (whatsappWindowOpen(lastMessageAt, now)) return { send: 'text' };
  return template ? { send: 'template', template } : { send: 'nothing' };
}
