import { channelSchema, type Channel } from '@clinicflow/rules';
import { z } from 'zod';

export { channelSchema, type Channel };

/** The channels a message can go out on (C1), in the order screens list them: the flow language's list. */
export const CHANNELS: readonly Channel[] = channelSchema.options;

/** An object with one field per channel, each of the given schema (`{ sms, email, voice }`). */
export function perChannel<S extends z.ZodType>(schema: S) {
  return z.object(Object.fromEntries(CHANNELS.map((channel) => [channel, schema])) as Record<Channel, S>);
}

/**
 * On or off for every channel (the clinic's channels). WhatsApp may be left out (settings written before it
 * existed, and their clients): it is then off.
 */
export const channelFlagsSchema = perChannel(z.boolean()).extend({ whatsapp: z.boolean().default(false) });
export type ChannelFlags = z.infer<typeof channelFlagsSchema>;

/** On or off for some channels: a service's or a practitioner's toggles (a channel left out is on). */
export const channelSwitchesSchema = perChannel(z.boolean()).partial();
export type ChannelSwitches = z.infer<typeof channelSwitchesSchema>;
