import type { z } from 'zod';

/**
 * A key the database cannot store: `$…` and dotted names are operators and paths to MongoDB (FerretDB refuses
 * them outright), an empty name FerretDB refuses too (found by the fuzzer), and a NUL byte cannot be written in
 * BSON at all; other control characters go with it.
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE_KEY = /^$|^\$|\.|[\u0000-\u001f\u007f]/;

/** Deeper than any editor writes, and shallow enough for the driver's recursive encoder. */
const MAX_DEPTH = 32;

/**
 * Adds a problem for every key, at any depth, that the database cannot store, at the key's path; for the free
 * parts of a saved document (editor-only fields, node data, settings), which would otherwise fail at insert.
 * Nesting deeper than 32 levels is refused too.
 */
export function refuseUnstorableKeys(value: unknown, context: z.RefinementCtx): void {
  // A stack, not recursion: a deeply nested body must end in problems, not a stack overflow.
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (path.length >= MAX_DEPTH) {
      context.addIssue({ code: 'custom', path, message: `must not nest more than ${MAX_DEPTH} levels` });
      continue;
    }
    for (const [key, child] of Object.entries(current)) {
      const childPath = [...path, Array.isArray(current) ? Number(key) : key];
      if (!Array.isArray(current) && UNSTORABLE_KEY.test(key)) {
        context.addIssue({
          code: 'custom',
          path: childPath,
          message: 'a name must not be empty, start with "$" nor contain "." or control characters',
        });
      }
      pending.push({ value: child, path: childPath });
    }
  }
}
