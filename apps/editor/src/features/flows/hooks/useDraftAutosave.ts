import type { Flow } from '@clinicflow/rules';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/apiClient';
import { flowsApi, type FlowView, type SavedProblem } from '../api/flowsApi';
import { clearDraftBackup, writeDraftBackup } from '../utils/draftBackup';

/** Where the draft stands against the API. */
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'conflict' | 'error';

/** How long the editor waits after the last change before saving (typing a name saves once). */
export const autosaveDelayMs = 800;

/** Who saved the newer revision a save was refused for (the API's 409, `code: 'draft-stale'`). */
export interface StaleDraft {
  revision: number;
  by: string;
  /** When, as an instant (the banner writes it in the clinic's time). */
  at: string;
  /** The newer revision came from this very editor page: not someone else's change. */
  sameSession: boolean;
}

/** The details of a 409 for a stale draft, when the API gave them. */
export function staleDraftOf(error: unknown): StaleDraft | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const problem = error.errors.find((e) => (e as { code?: string }).code === 'draft-stale') as
    { params?: Partial<StaleDraft> } | undefined;
  const params = problem?.params;
  if (!params || typeof params.by !== 'string' || typeof params.at !== 'string') return null;
  return {
    revision: Number(params.revision),
    by: params.by,
    at: params.at,
    sameSession: params.sameSession === true,
  };
}

/**
 * The saves still on their way, by flow: a page that opens a flow waits for them before it reads the draft,
 * so leaving a flow and coming back never shows the copy from before the last save.
 */
const savesInFlight = new Map<string, Promise<void>>();

/** Resolves once every save of this flow started on this page has been answered. */
export function draftSavesSettled(flowId: string): Promise<void> {
  return savesInFlight.get(flowId) ?? Promise.resolve();
}

/**
 * Autosave of a saved flow's draft: each change is kept in this browser at once (a reload loses nothing)
 * and sent to the API after a pause, with the revision it was made from. A 409 means someone else saved in
 * between: saving stops until the user chooses to keep their version or load the other one. A 409 for a
 * revision this very page saved (its answer was lost) is no conflict: the save is made again on top of it.
 * Each saved draft is put in the query cache, so nothing shows an older copy afterwards.
 */
export function useDraftAutosave(
  flowId: string,
  start: { revision: number; problems: SavedProblem[] },
  untitled: string,
) {
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [message, setMessage] = useState<string | null>(null);
  const [stale, setStale] = useState<StaleDraft | null>(null);
  const queryClient = useQueryClient();
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
      const document = { ...flow, name: flow.name.trim() || untitled };
      try {
        let saved: FlowView;
        try {
          saved = await flowsApi.save(flowId, revisionRef.current, document);
        } catch (error) {
          // this page's own newer revision: save again on top of it (once; a second refusal is someone else)
          if (!staleDraftOf(error)?.sameSession) throw error;
          revisionRef.current = (await flowsApi.get(flowId)).revision;
          saved = await flowsApi.save(flowId, revisionRef.current, document);
        }
        revisionRef.current = saved.revision;
        setProblems(saved.problems);
        queryClient.setQueryData(['flow', flowId], saved);
        if (unsavedRef.current === flow) {
          unsavedRef.current = null;
          clearDraftBackup(flowId);
          setStatus('saved');
          setMessage(null);
          setStale(null);
        }
      } catch (error) {
        blockedRef.current = error instanceof ApiError && error.status === 409;
        setStatus(blockedRef.current ? 'conflict' : 'error');
        setMessage(error instanceof Error ? error.message : String(error));
        setStale(staleDraftOf(error));
      }
    });
    const running = runningRef.current;
    savesInFlight.set(flowId, running);
    void running.then(() => {
      if (savesInFlight.get(flowId) === running) savesInFlight.delete(flowId);
    });
    return running;
  }, [flowId, untitled, queryClient]);

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
      setStale(null);
    },
    [flowId],
  );

  // leaving the page saves what is waiting rather than dropping it
  useEffect(() => () => void saveNow(), [saveNow]);
  return {
    status,
    message,
    stale,
    problems,
    change,
    flush,
    overwrite,
    reset,
    /** The flow as this page has it (waiting to be saved), or null when everything is saved. */
    unsaved: () => unsavedRef.current,
    revision: () => revisionRef.current,
  };
}
