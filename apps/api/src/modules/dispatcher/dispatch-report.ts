/**
 * What one dispatch pass did, by outcome (`lost`: another process or a cancel had the claim; `held`: due, but
 * another process is sending it, its lease alive).
 */
export interface DispatchReport {
  sent: number;
  failed: number;
  retrying: number;
  skipped: number;
  expired: number;
  later: number;
  recovered: number;
  lost: number;
  held: number;
}

/** A report of a pass that did nothing yet. */
export function emptyDispatchReport(): DispatchReport {
  return {
    sent: 0,
    failed: 0,
    retrying: 0,
    skipped: 0,
    expired: 0,
    later: 0,
    recovered: 0,
    lost: 0,
    held: 0,
  };
}
