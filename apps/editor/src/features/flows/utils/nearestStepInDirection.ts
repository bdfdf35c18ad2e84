/** An arrow key's direction. */
export type Direction = 'up' | 'down' | 'left' | 'right';

/** A card on the canvas: its top-left corner and size. */
export interface PlacedStep {
  id: string;
  position: { x: number; y: number };
  width?: number;
  height?: number;
}

const vectors: Record<Direction, [number, number]> = {
  up: [0, -1],
  down: [0, 1],
  left: [-1, 0],
  right: [1, 0],
};

/** The card an arrow key moves to: the closest one in that direction, preferring cards in line. */
export function nearestStepInDirection(
  steps: readonly PlacedStep[],
  fromId: string,
  direction: Direction,
): string | null {
  const centre = (step: PlacedStep) => ({
    x: step.position.x + (step.width ?? 0) / 2,
    y: step.position.y + (step.height ?? 0) / 2,
  });
  const from = steps.find((step) => step.id === fromId);
  if (!from) return null;
  const origin = centre(from);
  const [dx, dy] = vectors[direction];
  let best: { id: string; score: number } | null = null;
  for (const step of steps) {
    if (step.id === fromId) continue;
    const point = centre(step);
    const along = (point.x - origin.x) * dx + (point.y - origin.y) * dy;
    if (along <= 0) continue;
    const across = Math.abs((point.x - origin.x) * dy + (point.y - origin.y) * dx);
    const score = along + 2 * across;
    if (!best || score < best.score) best = { id: step.id, score };
  }
  return best?.id ?? null;
}
