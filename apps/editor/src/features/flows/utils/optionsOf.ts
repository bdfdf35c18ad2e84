import type { Messages } from '../../../i18n/messages';

/** Select options from a table of value → message key. */
export function optionsOf(t: Messages, table: Readonly<Record<string, keyof Messages>>) {
  return Object.entries(table).map(([value, key]) => ({ value, label: t[key] }));
}
