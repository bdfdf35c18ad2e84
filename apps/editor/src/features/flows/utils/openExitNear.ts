import { nodeExits, type Flow } from '@clinicflow/rules';
import type { InsertPlace, StepSize } from '../types/flowDiagram';
import { connectedExits } from './connectedExits';
import { defaultStepSize } from './layoutFlowDiagram';
import { stepCardWidth } from './stepCardWidth';

/**
 * The free exit a step dropped on the empty canvas attaches to: of the exits that lead nowhere yet, the one
 * nearest to the drop among those above it (a step goes below the step it follows). A new flow's trigger
 * takes a step dropped anywhere below it. Null when no free exit is above the drop.
 */
export function openExitNear(
  flow: Pick<Flow, 'nodes' | 'edges'>,
  point: { x: number; y: number },
  measured: ReadonlyMap<string, StepSize> = new Map(),
): Extract<InsertPlace, { kind: 'exit' }> | null {
  let best: { place: Extract<InsertPlace, { kind: 'exit' }>; distance: number } | null = null;
  for (const node of flow.nodes) {
    const exits = nodeExits[node.type];
    const used = connectedExits(flow, node.id);
    const size = measured.get(node.id) ?? { width: stepCardWidth(node.type), height: defaultStepSize.height };
    exits.forEach((exit, index) => {
      if (used.has(exit)) return;
      // where StepNode draws the exit's handle: evenly spread along the card's bottom edge
      const x = node.position.x + (size.width * (index + 1)) / (exits.length + 1);
      const y = node.position.y + size.height;
      if (point.y < y) return;
      const distance = Math.hypot(point.x - x, point.y - y);
      if (!best || distance < best.distance)
        best = { place: { kind: 'exit', nodeId: node.id, exit }, distance };
    });
  }
  return best ? (best as { place: Extract<InsertPlace, { kind: 'exit' }> }).place : null;
}
