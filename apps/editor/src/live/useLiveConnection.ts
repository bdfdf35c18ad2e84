import { useSyncExternalStore } from 'react';
import { liveConnection, type LiveConnectionStatus } from './liveConnection';

/** The state of the tab's live socket: `connected`, `connecting` (dropped, retrying) or `offline`. */
export function useLiveConnection(): LiveConnectionStatus {
  return useSyncExternalStore(liveConnection.onStatus, liveConnection.getStatus, () => 'offline');
}
