/**
 * This page load of the editor, sent with every draft save: when the API answers that a newer revision came
 * from this very page (a save whose answer was lost), it is not someone else's change. A new id per load,
 * not per tab (sessionStorage is copied into a duplicated tab, whose saves are someone else's to this one).
 */
export const editorSession: string =
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
