import type { Channel, FlowNode, NodeType } from '@clinicflow/rules';
import {
  IconBolt,
  IconBrandWhatsapp,
  IconCalendarCheck,
  IconClock,
  IconFlag,
  IconGitBranch,
  IconLadder,
  IconMail,
  IconMessage,
  IconMessageQuestion,
  IconPhone,
  IconWebhook,
  type Icon,
} from '@tabler/icons-react';

const typeIcons: Record<NodeType, Icon> = {
  trigger: IconBolt,
  condition: IconGitBranch,
  wait: IconClock,
  send: IconMessage,
  ask: IconMessageQuestion,
  reach: IconLadder,
  update: IconCalendarCheck,
  webhook: IconWebhook,
  end: IconFlag,
};
const channelIcons: Record<Channel, Icon> = {
  sms: IconMessage,
  email: IconMail,
  voice: IconPhone,
  whatsapp: IconBrandWhatsapp,
};

/** The icon of a step: its type's, or for a message its channel's (SMS, e-mail, voice, WhatsApp). */
export function StepIcon({ type, step, size = 18 }: { type: NodeType; step?: FlowNode; size?: number }) {
  const Glyph = step?.type === 'send' ? (channelIcons[step.data.channel] ?? IconMessage) : typeIcons[type];
  return <Glyph size={size} stroke={1.75} aria-hidden="true" />;
}
