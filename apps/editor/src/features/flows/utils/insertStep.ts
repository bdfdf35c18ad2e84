import {
  branchingNodeTypes,
  edgeExit,
  nodeExits,
  type Flow,
  type FlowNode,
  type NodeType,
} from '@clinicflow/rules';
import type { InsertPlace } from '../types/flowDiagram';
import { connectedExits } from './connectedExits';
import { createStep } from './createStep';
import { newEdge } from './newEdge';
import { newStepId } from './newStepId';

/** The outcome of an insertion: the new flow and the id of the new step. */
export interface InsertedStep {
  flow: Flow;
  stepId: string;
}

/**
 * Inserts a new step on a connection or on an open exit. The step's first exit (`next`, `yes`, `confirmed`)
 * keeps what came after; a branching step's other exits each get a new End, so every exit leads somewhere.
 * Returns null where the step cannot go: a second trigger, or an End that would cut off the steps after it.
 */
export function insertStep(flow: Flow, place: InsertPlace, type: NodeType): InsertedStep | null {
  if (type === 'trigger') return null;
  let source: string;
  let exit: string;
  let target: string | null = null;
  let edges = flow.edges;
  if (place.kind === 'edge') {
    const edge = flow.edges.find((candidate) => candidate.id === place.edgeId);
    if (!edge) return null;
    source = edge.source;
    exit = edgeExit(edge);
    target = edge.target;
    edges = flow.edges.filter((candidate) => candidate !== edge);
  } else {
    const sourceNode = flow.nodes.find((node) => node.id === place.nodeId);
    if (!sourceNode || !nodeExits[sourceNode.type].includes(place.exit)) return null;
    if (connectedExits(flow, place.nodeId).has(place.exit)) return null;
    source = place.nodeId;
    exit = place.exit;
  }
  if (type === 'end' && target !== null) return null;

  const sourceNode = flow.nodes.find((node) => node.id === source);
  const targetNode = target ? flow.nodes.find((node) => node.id === target) : undefined;
  const from = sourceNode?.position ?? { x: 0, y: 0 };
  const position = targetNode
    ? { x: (from.x + targetNode.position.x) / 2, y: (from.y + targetNode.position.y) / 2 }
    : { x: from.x, y: from.y + 140 };
  const stepId = newStepId(flow, type);
  const nodes: FlowNode[] = [...flow.nodes, createStep(type, stepId, position)];
  let next: Flow = { ...flow, nodes, edges };
  next = { ...next, edges: [...next.edges, newEdge(next, source, exit, stepId)] };

  const exits = nodeExits[type];
  exits.forEach((stepExit, index) => {
    if (index === 0 && target) {
      next = { ...next, edges: [...next.edges, newEdge(next, stepId, stepExit, target)] };
    } else if (branchingNodeTypes.includes(type)) {
      const endId = newStepId(next, 'end');
      const endNode = createStep('end', endId, { x: position.x + 260 * index, y: position.y + 140 });
      next = { ...next, nodes: [...next.nodes, endNode] };
      next = { ...next, edges: [...next.edges, newEdge(next, stepId, stepExit, endId)] };
    }
  });
  return { flow: next, stepId };
}
