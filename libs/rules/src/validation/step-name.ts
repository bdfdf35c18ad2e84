import type { FlowNode } from '../flow/flow-node.schema';

const typeWords: Record<string, string> = {
  trigger: 'Trigger',
  condition: 'Condition',
  wait: 'Wait',
  ask: 'Question',
  reach: 'Reach the patient',
  update: 'Update',
  webhook: 'Webhook',
  end: 'End',
};
const channelWords: Record<string, string> = {
  sms: 'SMS',
  email: 'E-mail',
  voice: 'Voice',
  whatsapp: 'WhatsApp',
};

/** How a practice manager calls a step: "SMS step "Reminder 24 h"", "Wait "2 days before"". */
export function stepName(node: { id?: unknown; type?: unknown; data?: unknown }): string {
  const data = (typeof node.data === 'object' && node.data !== null ? node.data : {}) as Record<
    string,
    unknown
  >;
  const label = typeof data.label === 'string' && data.label.length > 0 ? data.label : String(node.id ?? '?');
  const type = String(node.type ?? '');
  const word =
    type === 'send' ? `${channelWords[String(data.channel)] ?? 'Message'} step` : (typeWords[type] ?? 'Step');
  return `${word} "${label}"`;
}

/** The name of a step from a parsed flow node. */
export function nameOf(node: FlowNode): string {
  return stepName(node);
}
