import { CHANNELS, type Channel } from '@clinicflow/contract';
import type { Messages } from './messages';

/** The channel in words. */
export function channelLabel(t: Messages, channel: string): string {
  const labels: Record<Channel, string> = {
    sms: t.channelSms,
    email: t.channelEmail,
    voice: t.channelVoice,
    whatsapp: t.channelWhatsapp,
  };
  return labels[channel as Channel] ?? channel;
}

/** Every channel as a choice of a picker, in the contract's order. */
export function channelOptions(t: Messages): { value: Channel; label: string }[] {
  return CHANNELS.map((channel) => ({ value: channel, label: channelLabel(t, channel) }));
}
