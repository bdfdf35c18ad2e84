/** What changed between two flow documents, by step and connection id. */
export interface FlowDiff {
  nodes: { added: string[]; removed: string[]; changed: { id: string; fields: string[] }[] };
  edges: { added: string[]; removed: string[]; changed: string[] };
  /** Flow-level fields that differ: name, description, settings. */
  flow: string[];
}

/** What a diff needs of a flow document: the API's stored draft and the editor's flow both have it. */
export interface DiffableFlow {
  name: string;
  description?: string;
  settings?: unknown;
  nodes: ReadonlyArray<{ id: string }>;
  edges: ReadonlyArray<{ id: string }>;
}

/**
 * Equality of JSON values. A key holding `undefined` counts as absent, as it does once the document is
 * stored: the editor's flow (which may carry such keys) and the API's answer compare equal when they say
 * the same.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameJson(item, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameJson(left[key], right[key])) return false;
  return true;
}

/**
 * What changed from one flow document to another, by node and edge id (a move is a change of `position`).
 * The API answers it between versions (`GET /api/flows/:id/diff`); the editor shows it before its version
 * replaces someone else's draft.
 */
export function diffFlows(from: DiffableFlow, to: DiffableFlow): FlowDiff {
  const before = new Map(from.nodes.map((n) => [n.id, n as Record<string, unknown>]));
  const after = new Map(to.nodes.map((n) => [n.id, n as Record<string, unknown>]));
  const changed: FlowDiff['nodes']['changed'] = [];
  for (const [id, node] of after) {
    const old = before.get(id);
    if (!old) continue;
    const fields = [...new Set([...Object.keys(old), ...Object.keys(node)])].filter(
      (key) => !sameJson(old[key], node[key]),
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
        (id) => edgesBefore.has(id) && !sameJson(edgesBefore.get(id), edgesAfter.get(id)),
      ),
    },
    flow: (['name', 'description', 'settings'] as const).filter((key) => !sameJson(from[key], to[key])),
  };
}
