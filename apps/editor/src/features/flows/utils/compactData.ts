const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Step data without the empty values a form leaves behind: undefined and '' entries, and objects left
 * empty once those are gone (an object that was empty to begin with, like a rule `{}`, stays).
 */
export function compactData<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => compactData(item)) as T;
  if (!isPlainObject(value)) return value;
  const entries = Object.entries(value)
    .map(([key, item]) => [key, compactData(item)] as const)
    .filter(([key, item]) => {
      if (item === undefined || item === '') return false;
      const emptied =
        isPlainObject(item) && Object.keys(item).length === 0 && Object.keys(value[key] as object).length > 0;
      return !emptied;
    });
  return Object.fromEntries(entries) as T;
}
