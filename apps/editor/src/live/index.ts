export { LiveBadge } from './LiveBadge';
export {
  liveConnection,
  setLiveSocketOpener,
  type LiveConnectionStatus,
  type LiveEventPayload,
  type LiveEventType,
  type LiveSocketOpener,
} from './liveConnection';
export { useLiveConnection } from './useLiveConnection';
export { useLiveEvents } from './useLiveEvents';
