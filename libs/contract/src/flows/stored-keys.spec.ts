import { createFlowSchema } from './flow-document';

const node = (extra: object) => ({ id: 't', type: 'trigger', position: { x: 0, y: 0 }, data: {}, ...extra });
const edge = (extra: object) => ({ id: 'e', source: 't', target: 'u', ...extra });

describe('refuseUnstorableKeys (through createFlowSchema)', () => {
  it.each([
    {
      title: 'an operator in node data',
      flow: { nodes: [node({ data: { $where: 1 } })] },
      path: 'nodes.0.data.$where',
    },
    {
      title: 'a dotted name deep in data',
      flow: { nodes: [node({ data: { a: [{ 'b.c': 1 }] } })] },
      path: 'nodes.0.data.a.0.b.c',
    },
    {
      title: 'a NUL byte in a name',
      flow: { nodes: [node({ data: { 'a\u0000b': 1 } })] },
      path: 'nodes.0.data.a\u0000b',
    },
    { title: 'an editor field of a node', flow: { nodes: [node({ $x: 1 })] }, path: 'nodes.0.$x' },
    { title: 'an editor field of an edge', flow: { edges: [edge({ $x: 1 })] }, path: 'edges.0.$x' },
    { title: 'a setting', flow: { settings: { $set: {} } }, path: 'settings.$set' },
    { title: 'an empty name (the fuzzer’s find)', flow: { settings: { '': [[false]] } }, path: 'settings.' },
  ])('should refuse $title, naming its path', ({ flow, path }) => {
    const result = createFlowSchema.safeParse({ name: 'F', ...flow });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
  });

  it('should keep names with "$" or "." inside values, and ordinary names', () => {
    const flow = { name: 'F', nodes: [node({ data: { text: '$5.00', price$: 'a.b' } })], edges: [] };
    expect(createFlowSchema.parse(flow).nodes[0].data).toEqual({ text: '$5.00', price$: 'a.b' });
  });

  it('should refuse a deeply nested body without overflowing the stack', () => {
    let deep: object = {};
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    const result = createFlowSchema.safeParse({ name: 'F', nodes: [node({ data: deep })] });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ message: 'must not nest more than 32 levels' }),
    ]);
  });
});
