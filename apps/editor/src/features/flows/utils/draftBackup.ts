import type { Flow } from '@clinicflow/rules';

/** A change not yet saved to the API, kept in this browser with the revision it was made from. */
export interface DraftBackup {
  revision: number;
  flow: Flow;
}

const key = (flowId: string) => `clinicflow.editor.unsaved.${flowId}`;

export function readDraftBackup(flowId: string): DraftBackup | null {
  try {
    const stored = JSON.parse(localStorage.getItem(key(flowId)) ?? 'null') as DraftBackup | null;
    return stored && typeof stored.revision === 'number' && Array.isArray(stored.flow?.nodes) ? stored : null;
  } catch {
    return null;
  }
}

export function writeDraftBackup(flowId: string, backup: DraftBackup) {
  try {
    localStorage.setItem(key(flowId), JSON.stringify(backup));
  } catch {
    // storage full or disabled: the change still goes to the API
  }
}

export function clearDraftBackup(flowId: string) {
  localStorage.removeItem(key(flowId));
}
