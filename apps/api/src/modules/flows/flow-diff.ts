import { isDeepStrictEqual } from 'node:util';
import type { FlowDocument } from './flow.dto';

export interface FlowDiff {
  nodes: { added: string[]; removed: string[]; changed: { id: string; fields: string[] }[] };
  edges: { added: string[]; removed: string[]; changed: string[] };
  /** Flow-level fields that differ: name, description, settings. */
  flow: string[];
}

/** What changed between two flow documents, by node and edge id (positions count as a change of `position`). */
export function diffFlows(from: FlowDocument, to: FlowDocument): FlowDiff {
  const before = new Map(from.nodes.map((n) => [n.id, n]));
  const after = new Map(to.nodes.map((n) => [n.id, n]));
  const changed: FlowDiff['nodes']['changed'] = [];
  for (const [id, node] of after) {
    const old = before.get(id);
    if (!old) continue;
    const fields = [...new Set([...Object.keys(old), ...Object.keys(node)])].filter(
      (key) =>
        !isDeepStrictEqual((old as Record<string, unknown>)[key], (node as Record<string, unknown>)[key]),
    );
    if (fields.length > 0) changed.push({ id, fields: fields.sort() });
  }
  const edgesBefore = new Map(from.edges.map((e) => [e.id, e]));
  const edgesAfter = new Map(to.edges.map((e) => [e.id, e]));
  return {
    nodes: {
      added: [...after.keys()].filter((id) => !before.has(id)),
      removed: [...before.keys()].filter((id) => !after.has(id)),
      changed,
    },
    edges: {
      added: [...edgesAfter.keys()].filter((id) => !edgesBefore.has(id)),
      removed: [...edgesBefore.keys()].filter((id) => !edgesAfter.has(id)),
      changed: [...edgesAfter.keys()].filter(
        (id) => edgesBefore.has(id) && !isDeepStrictEqual(edgesBefore.get(id), edgesAfter.get(id)),
      ),
    },
    flow: (['name', 'description', 'settings'] as const).filter(
      (key) => !isDeepStrictEqual(from[key], to[key]),
    ),
  };
}
