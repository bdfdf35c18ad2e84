/** Where an element sits on the screen (its bounding box's top-left corner). */
export interface Placed {
  top: number;
  left: number;
}

/**
 * Elements in the order a reader meets them: top to bottom, then left to right among those on one row (tops
 * within `slack` pixels of the row's first). The canvas draws its connections' "+" in a layer of their own,
 * before all the cards, so the page's order is not the picture's.
 */
export function readingOrder<T extends Placed>(items: readonly T[], slack = 12): T[] {
  const byTop = [...items].sort((a, b) => a.top - b.top);
  const rows: T[][] = [];
  for (const item of byTop) {
    const row = rows[rows.length - 1];
    if (row && item.top - row[0].top <= slack) row.push(item);
    else rows.push([item]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.left - b.left));
}

/** The canvas's cards and "+" buttons, which Tab goes through in reading order. */
const STOPS = '.react-flow__node, .react-flow__node button, .react-flow__edgelabel-renderer button';

/**
 * Where Tab (or Shift+Tab) goes from a card or a "+" of the canvas: the next one in reading order; or, past the
 * last (before the first), the stop the page's order leaves from, so that Tab then leaves the canvas as usual.
 * Null when the focus is not on a card or a "+".
 */
export function nextTabStop(
  root: HTMLElement,
  current: HTMLElement,
  backwards: boolean,
): { focus: HTMLElement; leave: boolean } | null {
  const stops = [...root.querySelectorAll<HTMLElement>(STOPS)].filter(
    (element) =>
      element.tabIndex >= 0 && !element.hasAttribute('disabled') && element.getClientRects().length > 0,
  );
  if (!stops.includes(current)) return null;
  const placed = stops.map((element) => {
    const box = element.getBoundingClientRect();
    return { element, top: box.top, left: box.left };
  });
  const ordered = readingOrder(placed).map((stop) => stop.element);
  const next = ordered[ordered.indexOf(current) + (backwards ? -1 : 1)];
  if (next) return { focus: next, leave: false };
  return { focus: backwards ? stops[0] : stops[stops.length - 1], leave: true };
}
