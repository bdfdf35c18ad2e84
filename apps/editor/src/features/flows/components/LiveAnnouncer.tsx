import { VisuallyHidden } from '@mantine/core';

/** A polite live region: what the editor just did, read out by screen readers. */
export function LiveAnnouncer({ message }: { message: string }) {
  return (
    <VisuallyHidden role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {message}
    </VisuallyHidden>
  );
}
