import type { Flow } from '@clinicflow/rules';

/** The flow documents behind and ahead of the present one. */
export interface FlowHistory {
  past: Flow[];
  present: Flow;
  future: Flow[];
  /** Edits with the same key in a row (typing in one field) make one undo step. */
  mergeKey: string | null;
}

/**
 * What can happen to the history. `replace` changes the present without an undo step (auto-layout), and only
 * if the present is still `base` when given (a layout computed for an older document is dropped).
 */
export type FlowHistoryAction =
  | { type: 'commit'; flow: Flow; mergeKey?: string }
  | { type: 'replace'; flow: Flow; base?: Flow }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'reset'; flow: Flow };

/** How many steps back undo can go. */
export const historyLimit = 100;

/** A history with only the present. */
export function startHistory(flow: Flow): FlowHistory {
  return { past: [], present: flow, future: [], mergeKey: null };
}

/** Undo/redo of whole flow documents: structure, data and moves all go through `commit`. */
export function flowHistoryReducer(history: FlowHistory, action: FlowHistoryAction): FlowHistory {
  switch (action.type) {
    case 'commit': {
      if (action.flow === history.present) return history;
      const key = action.mergeKey ?? null;
      if (key !== null && key === history.mergeKey) {
        return { ...history, present: action.flow, future: [] };
      }
      return {
        past: [...history.past, history.present].slice(-historyLimit),
        present: action.flow,
        future: [],
        mergeKey: key,
      };
    }
    case 'replace':
      if (action.base && action.base !== history.present) return history;
      return { ...history, present: action.flow };
    case 'undo': {
      if (history.past.length === 0) return history;
      return {
        past: history.past.slice(0, -1),
        present: history.past[history.past.length - 1],
        future: [history.present, ...history.future],
        mergeKey: null,
      };
    }
    case 'redo': {
      if (history.future.length === 0) return history;
      return {
        past: [...history.past, history.present],
        present: history.future[0],
        future: history.future.slice(1),
        mergeKey: null,
      };
    }
    case 'reset':
      return startHistory(action.flow);
  }
}
