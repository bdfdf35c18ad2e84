import type { Channel, WhatsappTemplate } from '@clinicflow/rules';

/**
 * A language's approved WhatsApp template as saved, by a saved template or a flow's own message: kept only on
 * WhatsApp (the API refuses it on another channel) and only with a Content SID, trimmed.
 */
export function whatsappToSave(channel: Channel, whatsapp: WhatsappTemplate | undefined) {
  const contentSid = whatsapp?.contentSid.trim();
  if (channel !== 'whatsapp' || !whatsapp || !contentSid) return undefined;
  return { contentSid, variables: whatsapp.variables };
}
