import { Badge, Loader } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import type { SaveStatus } from '../hooks/useDraftAutosave';

const colours: Record<SaveStatus, string> = {
  saved: 'green',
  pending: 'gray',
  saving: 'blue',
  conflict: 'orange',
  error: 'red',
};

/** Where the draft stands: saved, waiting to save, saving, not saved (conflict or error). */
export function SaveIndicator({ status }: { status: SaveStatus }) {
  const t = useMessages();
  const labels: Record<SaveStatus, string> = {
    saved: t.saveSaved,
    pending: t.savePending,
    saving: t.saveSaving,
    conflict: t.saveConflict,
    error: t.saveError,
  };
  return (
    <Badge
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-status={status}
      variant="light"
      color={colours[status]}
      leftSection={status === 'saving' ? <Loader size={10} /> : undefined}
    >
      {labels[status]}
    </Badge>
  );
}
