import { useEffect, useRef } from 'react';
import { useLiveEvents } from '../../../live';

/** Bursts of live events (a batch send, the dispatcher's minute) call back once, this long after the last. */
const debounceMs = 1_500;

/**
 * Calls `onChange` when the clinic's deliveries changed (live `delivery.updated`, debounced) and after the
 * socket reconnects: the database stays the truth, the socket only says "something changed".
 */
export function useDeliveryChanges(onChange: () => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // called from the live listener, which always holds this render's onChange
  const later = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(onChange, debounceMs);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveEvents(
    (type) => {
      if (type === 'delivery.updated') later();
    },
    { onReconnect: later },
  );
}
