import { useEffect, useEffectEvent } from 'react';
import { liveConnection, type LiveEventPayload, type LiveEventType } from './liveConnection';

/**
 * Calls `onEvent` for each live event of the clinic (deduplicated), and `onReconnect` when the socket comes
 * back after a drop, so the screen refetches what it missed. The latest callbacks are used without
 * re-subscribing, so inline functions are fine.
 */
export function useLiveEvents(
  onEvent: (type: LiveEventType, payload: LiveEventPayload) => void,
  options: { onReconnect?: () => void } = {},
) {
  const handleEvent = useEffectEvent(onEvent);
  const handleReconnect = useEffectEvent(() => options.onReconnect?.());
  useEffect(() => {
    const stopEvents = liveConnection.onEvent((type, payload) => handleEvent(type, payload));
    const stopReconnects = liveConnection.onReconnect(() => handleReconnect());
    return () => {
      stopEvents();
      stopReconnects();
    };
  }, []);
}
