/**
 * Where a branch's line turns towards its step: each exit of a card one level lower than the one on its left,
 * so two branches never share a horizontal line, and never lower than just above the step it leads to.
 */
export function branchTurnY(sourceY: number, targetY: number, exitIndex: number): number {
  return Math.min(sourceY + 40 + 14 * exitIndex, Math.max(sourceY + 12, targetY - 12));
}
