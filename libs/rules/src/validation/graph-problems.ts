import type { RulesProblem } from '../errors/rules-error';
import type { Flow } from '../flow/flow.schema';
import { branchingNodeTypes, edgeExit, nodeExits } from '../flow/node-exits';
import { nameOf } from './step-name';

/** Graph rules: one trigger, known ends of edges, typed exits used once, all reachable, no loops, branches connected. */
export function graphProblems(flow: Flow): RulesProblem[] {
  const problems: RulesProblem[] = [];
  const byId = new Map<string, Flow['nodes'][number]>();
  flow.nodes.forEach((node, i) => {
    if (byId.has(node.id))
      problems.push({
        nodeId: node.id,
        path: `nodes.${i}.id`,
        message: `Two steps share the id "${node.id}"`,
        code: 'duplicate-step-id',
        params: { id: node.id },
      });
    else byId.set(node.id, node);
  });
  const triggers = flow.nodes.filter((node) => node.type === 'trigger');
  if (triggers.length === 0) {
    problems.push({
      nodeId: null,
      path: 'nodes',
      message: 'The flow has no trigger: add one to say what starts it',
      code: 'no-trigger',
    });
  }
  triggers.slice(1).forEach((node) => {
    problems.push({
      nodeId: node.id,
      path: `nodes.${flow.nodes.indexOf(node)}`,
      message: `A flow has exactly one trigger: remove ${nameOf(node)}`,
      code: 'second-trigger',
      params: { step: node.id },
    });
  });

  const outgoing = new Map<string, string[]>();
  const usedExits = new Set<string>();
  const edgeIds = new Set<string>();
  flow.edges.forEach((edge, i) => {
    const path = `edges.${i}`;
    if (edgeIds.has(edge.id))
      problems.push({
        nodeId: edge.source,
        path: `${path}.id`,
        message: `Two connections share the id "${edge.id}"`,
        code: 'duplicate-connection-id',
        params: { step: edge.source, id: edge.id },
      });
    edgeIds.add(edge.id);
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) {
      const missing = !source ? edge.source : edge.target;
      problems.push({
        nodeId: source ? source.id : null,
        path,
        message: `A connection points to a step that does not exist ("${missing}")`,
        code: 'connection-to-nowhere',
        params: source ? { step: source.id, id: missing } : { id: missing },
      });
      return;
    }
    const exit = edgeExit(edge);
    if (!nodeExits[source.type].includes(exit)) {
      const ends = source.type === 'end';
      problems.push({
        nodeId: source.id,
        path: `${path}.sourceHandle`,
        message: ends
          ? `${nameOf(source)} ends the flow and cannot lead anywhere`
          : `${nameOf(source)} has no exit "${exit}"`,
        code: ends ? 'end-has-exit' : 'unknown-exit',
        params: { step: source.id, exit },
      });
      return;
    }
    if (target.type === 'trigger') {
      problems.push({
        nodeId: source.id,
        path: `${path}.target`,
        message: `Nothing can lead back to the trigger (from ${nameOf(source)})`,
        code: 'back-to-trigger',
        params: { step: source.id },
      });
      return;
    }
    const key = `${source.id}\u0000${exit}`;
    if (usedExits.has(key)) {
      problems.push({
        nodeId: source.id,
        path,
        message: `The "${exit}" exit of ${nameOf(source)} goes to two places: keep one`,
        code: 'exit-used-twice',
        params: { step: source.id, exit },
      });
      return;
    }
    usedExits.add(key);
    outgoing.set(source.id, [...(outgoing.get(source.id) ?? []), target.id]);
  });

  for (const [i, node] of flow.nodes.entries()) {
    if (!branchingNodeTypes.includes(node.type)) continue;
    for (const exit of nodeExits[node.type]) {
      if (!usedExits.has(`${node.id}\u0000${exit}`)) {
        problems.push({
          nodeId: node.id,
          path: `nodes.${i}`,
          message: `The "${exit}" exit of ${nameOf(node)} goes nowhere: connect it to a step or to an End`,
          code: 'exit-unconnected',
          params: { step: node.id, exit },
        });
      }
    }
  }

  const trigger = triggers[0];
  if (trigger) {
    const reached = new Set<string>([trigger.id]);
    const queue = [trigger.id];
    while (queue.length > 0) {
      for (const next of outgoing.get(queue.shift() as string) ?? []) {
        if (reached.has(next)) continue;
        reached.add(next);
        queue.push(next);
      }
    }
    flow.nodes.forEach((node, i) => {
      if (!reached.has(node.id) && node.type !== 'trigger') {
        problems.push({
          nodeId: node.id,
          path: `nodes.${i}`,
          message: `${nameOf(node)} cannot be reached from the trigger`,
          code: 'unreachable',
          params: { step: node.id },
        });
      }
    });
  }

  const state = new Map<string, 'open' | 'done'>();
  const looped = new Set<string>();
  const visit = (id: string): void => {
    state.set(id, 'open');
    for (const next of outgoing.get(id) ?? []) {
      if (state.get(next) === 'open') looped.add(next);
      else if (!state.has(next)) visit(next);
    }
    state.set(id, 'done');
  };
  for (const node of byId.values()) if (!state.has(node.id)) visit(node.id);
  for (const id of looped) {
    const node = byId.get(id) as Flow['nodes'][number];
    problems.push({
      nodeId: id,
      path: `nodes.${flow.nodes.indexOf(node)}`,
      message: `${nameOf(node)} leads back to itself: loops are not allowed`,
      code: 'loop',
      params: { step: id },
    });
  }
  return problems;
}
