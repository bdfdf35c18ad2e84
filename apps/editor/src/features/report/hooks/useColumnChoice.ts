import { useState } from 'react';

const storageKey = 'clinicflow.report.columns';

/** The columns shown unless the user chose otherwise. */
export const defaultHiddenColumns = ['createdAt', 'deliveredAt', 'opened', 'flow'];

function readHidden(): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as unknown;
    return Array.isArray(stored)
      ? stored.filter((c): c is string => typeof c === 'string')
      : defaultHiddenColumns;
  } catch {
    return defaultHiddenColumns;
  }
}

/** Which report columns are hidden, remembered in this browser across visits. */
export function useColumnChoice() {
  const [hidden, setHidden] = useState<string[]>(readHidden);
  const toggle = (column: string) =>
    setHidden((current) => {
      const next = current.includes(column) ? current.filter((c) => c !== column) : [...current, column];
      localStorage.setItem(storageKey, JSON.stringify(next));
      return next;
    });
  return { hidden, toggle };
}
