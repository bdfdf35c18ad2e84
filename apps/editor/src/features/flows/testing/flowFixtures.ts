import type { Flow, FlowNode } from '@clinicflow/rules';
import { createStep } from '../utils/createStep';

/** A step of a type with default data at the origin (test fixture). */
export const step = (type: FlowNode['type'], id: string): FlowNode => createStep(type, id, { x: 0, y: 0 });

/** A connection `source -exit-> target` (test fixture). */
export const link = (source: string, target: string, exit = 'next') => ({
  id: `${source}-${exit}-${target}`,
  source,
  target,
  sourceHandle: exit === 'next' ? null : exit,
});

/** trigger → wait → send → end. */
export const lineFlow = (): Flow => ({
  name: 'Line',
  nodes: [step('trigger', 't'), step('wait', 'w'), step('send', 's'), step('end', 'e')],
  edges: [link('t', 'w'), link('w', 's'), link('s', 'e')],
});

/** trigger → condition (yes → send → end, no → end2). */
export const branchFlow = (): Flow => ({
  name: 'Branch',
  nodes: [
    step('trigger', 't'),
    step('condition', 'c'),
    step('send', 's'),
    step('end', 'e'),
    step('end', 'e2'),
  ],
  edges: [link('t', 'c'), link('c', 's', 'yes'), link('c', 'e2', 'no'), link('s', 'e')],
});

/** What a flow's connections look like, in a form easy to compare: "source -exit-> target", sorted. */
export const wiring = (flow: Flow): string[] =>
  flow.edges.map((edge) => `${edge.source} -${edge.sourceHandle ?? 'next'}-> ${edge.target}`).sort();

/** The ids of a flow's steps, sorted. */
export const stepIds = (flow: Flow): string[] => flow.nodes.map((node) => node.id).sort();
