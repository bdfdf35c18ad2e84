// The Node.js options the API process runs with: `npm start` (scripts/start.mjs) spawns it with them, and the
// engine bench forks its API processes with them, so the bench measures the API as it runs.

/** The heap ceiling of the API's V8 (MiB): generous beside its ~65 MiB in use, small beside the machine's memory. */
const API_MAX_OLD_SPACE_MIB = 512;

/**
 * `--max-old-space-size` for the API unless the operator set one in NODE_OPTIONS (theirs wins; ours, on the
 * command line, would override it).
 *
 * Why: V8 sizes its heap from the machine's memory and scales how far the heap may grow past what is live before
 * the next full collection with that size (up to 4× from 2 GiB of old space; ~1.4× at 512 MiB). On a 24 GiB
 * machine the API let a ~65 MiB live heap grow to 311 MiB of mostly garbage in a 100 000-message burst (472 MiB of
 * RSS); with the ceiling, 124 MiB and 284 MiB of RSS at the same rate (docs/engine.md, "Speed").
 */
export function apiNodeOptions(env = process.env) {
  return /--max-old-space-size\b/.test(env.NODE_OPTIONS ?? '')
    ? []
    : [`--max-old-space-size=${API_MAX_OLD_SPACE_MIB}`];
}
