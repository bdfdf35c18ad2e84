import type { Channel } from '../flow/flow-parts.schema';

/** Which channels are on or off for one service or resource (T2); a channel left out is on. */
export type ChannelSwitches = Partial<Record<Channel, boolean>>;

/** A clinic's channel switches per service and per resource, by their ids (the clinic settings' `channelToggles`). */
export interface ChannelToggles {
  services: Record<string, ChannelSwitches>;
  resources: Record<string, ChannelSwitches>;
}

interface TogglePart {
  id?: string;
  channels?: ChannelSwitches;
}

/** The context parts the toggles apply to (an evaluation context, a simulation's sample, a send-time check). */
interface TogglableContext {
  service?: unknown;
  resource?: unknown;
  appointment?: unknown;
}

/**
 * The context with the clinic's toggles applied to its service and resource (named by their own `id`, else by
 * the appointment's `serviceId` / `resourceId`): a channel is off when the clinic's settings or the context
 * already say so. The engine, the simulator and the send-time checks all apply toggles here.
 */
export function applyChannelToggles<C extends TogglableContext>(
  context: C,
  toggles: ChannelToggles | undefined,
): C {
  const appointment = (context.appointment ?? {}) as { serviceId?: string; resourceId?: string };
  const service = withToggles(context.service, appointment.serviceId, toggles?.services);
  const resource = withToggles(context.resource, appointment.resourceId, toggles?.resources);
  return {
    ...context,
    ...(service === undefined ? {} : { service }),
    ...(resource === undefined ? {} : { resource }),
  };
}

function withToggles(
  part: unknown,
  fallbackId: string | undefined,
  byId: Record<string, ChannelSwitches> = {},
) {
  const entry = (part ?? {}) as TogglePart;
  const id = entry.id ?? fallbackId;
  const off = Object.entries((id && byId[id]) || {}).filter(([, on]) => on === false);
  if (off.length === 0) return part;
  return { ...entry, id, channels: { ...entry.channels, ...Object.fromEntries(off) } };
}
