import { nodeExits, type NodeType } from '@clinicflow/rules';

/** The width of a step card: wider when it has more than two exits, so their labels fit. */
export function stepCardWidth(type: NodeType): number {
  return nodeExits[type].length > 2 ? 340 : 260;
}
