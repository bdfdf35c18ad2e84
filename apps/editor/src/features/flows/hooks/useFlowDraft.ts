import type { Flow } from '@clinicflow/rules';
import { useCallback, useState } from 'react';

/** Where the draft of the new flow is kept in this browser. */
export const draftStorageKey = 'clinicflow.editor.draft.new';

function readDraft(): Flow | null {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(draftStorageKey) ?? 'null');
    const looksLikeFlow =
      typeof stored === 'object' &&
      stored !== null &&
      Array.isArray((stored as Flow).nodes) &&
      Array.isArray((stored as Flow).edges);
    return looksLikeFlow ? (stored as Flow) : null;
  } catch {
    return null;
  }
}

/**
 * The local draft of a new flow, kept in localStorage so a reload keeps it (saving to the API comes with
 * the flows endpoints). `save` is called on every change of the document.
 */
export function useFlowDraft() {
  const [draft, setDraft] = useState<Flow | null>(readDraft);
  const save = useCallback((flow: Flow) => {
    try {
      localStorage.setItem(draftStorageKey, JSON.stringify(flow));
    } catch {
      // storage full or disabled: the draft stays in memory
    }
  }, []);
  const start = useCallback(
    (flow: Flow) => {
      save(flow);
      setDraft(flow);
    },
    [save],
  );
  const discard = useCallback(() => {
    localStorage.removeItem(draftStorageKey);
    setDraft(null);
  }, []);
  return { draft, save, start, discard };
}
