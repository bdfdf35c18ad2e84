import type { Flow } from '@clinicflow/rules';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/apiClient';
import { flowsApi, type FlowView, type SavedProblem } from '../api/flowsApi';
import { clearDraftBackup, writeDraftBackup } from '../utils/draftBackup';

/** Where the draft stands against the API. */
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'conflict' | 'error';

/** How long the editor waits after the last change before saving (typing a name saves once). */
export const autosaveDelayMs = 800;

/**
 * Autosave of a saved flow's draft: each change is kept in this browser at once (a reload loses nothing)
 * and sent to the API after a pause, with the revision it was made from. A 409 means someone else saved in
 * between: saving stops until the user chooses to keep their version or load the other one.
 */
export function useDraftAutosave(
  flowId: string,
  start: { revision: number; problems: SavedProblem[] },
  untitled: string,
) {
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [message, setMessage] = useState<string | null>(null);
  const [problems, setProblems] = useState(start.problems);
  const revisionRef = useRef(start.revision);
  const unsavedRef = useRef<Flow | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const runningRef = useRef<Promise<void>>(Promise.resolve());
  const blockedRef = useRef(false);

  const saveNow = useCallback((): Promise<void> => {
    clearTimeout(timerRef.current);
    runningRef.current = runningRef.current.then(async () => {
      const flow = unsavedRef.current;
      if (!flow || blockedRef.current) return;
      setStatus('saving');
      try {
        const saved = await flowsApi.save(flowId, revisionRef.current, {
          ...flow,
          name: flow.name.trim() || untitled,
        });
        revisionRef.current = saved.revision;
        setProblems(saved.problems);
        if (unsavedRef.current === flow) {
          unsavedRef.current = null;
          clearDraftBackup(flowId);
          setStatus('saved');
          setMessage(null);
        }
      } catch (error) {
        blockedRef.current = error instanceof ApiError && error.status === 409;
        setStatus(blockedRef.current ? 'conflict' : 'error');
        setMessage(error instanceof Error ? error.message : String(error));
      }
    });
    return runningRef.current;
  }, [flowId, untitled]);

  const change = useCallback(
    (flow: Flow) => {
      unsavedRef.current = flow;
      writeDraftBackup(flowId, { revision: revisionRef.current, flow });
      if (blockedRef.current) return;
      setStatus('pending');
      clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => void saveNow(), autosaveDelayMs);
    },
    [flowId, saveNow],
  );

  /** Saves whatever is waiting (before publishing or simulating the saved draft). */
  const flush = useCallback(() => saveNow(), [saveNow]);

  /** After a conflict: save this browser's version over the other one, from the current revision. */
  const overwrite = useCallback(async () => {
    const current: FlowView = await flowsApi.get(flowId);
    revisionRef.current = current.revision;
    blockedRef.current = false;
    await saveNow();
  }, [flowId, saveNow]);

  /** The draft was replaced on the API (restore, reload after a conflict): continue from that revision. */
  const reset = useCallback(
    (view: FlowView) => {
      clearTimeout(timerRef.current);
      unsavedRef.current = null;
      blockedRef.current = false;
      revisionRef.current = view.revision;
      clearDraftBackup(flowId);
      setProblems(view.problems);
      setStatus('saved');
      setMessage(null);
    },
    [flowId],
  );

  // leaving the page saves what is waiting rather than dropping it
  useEffect(() => () => void saveNow(), [saveNow]);
  return { status, message, problems, change, flush, overwrite, reset, revision: () => revisionRef.current };
}
