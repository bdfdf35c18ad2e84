import type { Channel, ChannelSwitches } from '../api/settingsApi';

/**
 * The toggles with one channel switched on or off for one service or practitioner (T2). A channel on is
 * left out (the engine treats only `false` as off), so the stored toggles list only what is switched off.
 */
export function setChannelToggle(
  toggles: Record<string, ChannelSwitches>,
  id: string,
  channel: Channel,
  on: boolean,
): Record<string, ChannelSwitches> {
  const { [channel]: _previous, ...others } = toggles[id] ?? {};
  const switches: ChannelSwitches = on ? others : { ...others, [channel]: false };
  const { [id]: _entry, ...rest } = toggles;
  return Object.keys(switches).length > 0 ? { ...rest, [id]: switches } : rest;
}
