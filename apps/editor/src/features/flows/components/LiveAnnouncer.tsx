import { VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useFlowLive } from '../live/flowLiveContext';

/**
 * A polite live region: what the editor just did, or the live overlay's latest outcome (the newer of the
 * two; one region, so screen readers do not get two competing ones).
 */
export function LiveAnnouncer({ message }: { message: string }) {
  const outcome = useFlowLive()?.announcement ?? '';
  const [shown, setShown] = useState({ message, outcome, text: message });
  if (shown.message !== message || shown.outcome !== outcome) {
    const text = shown.message !== message ? message : outcome || shown.text;
    setShown({ message, outcome, text });
  }
  return (
    <VisuallyHidden role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {shown.text}
    </VisuallyHidden>
  );
}
