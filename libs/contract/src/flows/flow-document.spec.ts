import { createFlowSchema, diffQuerySchema, saveDraftSchema, simulateSavedSchema } from './flow-document';

const flow = {
  name: 'Rappels',
  nodes: [{ id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, data: { events: [] }, selected: true }],
  edges: [{ id: 'e1', source: 'trigger', target: 'sms24', sourceHandle: null, animated: true }],
};

describe('saveDraftSchema', () => {
  it("should keep the editor's own fields of nodes and edges", () => {
    expect(saveDraftSchema.parse({ revision: 1, flow })).toEqual({ revision: 1, flow });
  });

  it('should give a node without data empty data', () => {
    const node = { id: 'a', type: 'end', position: { x: 0, y: 0 } };
    expect(
      saveDraftSchema.parse({ revision: 1, flow: { ...flow, nodes: [node] } }).flow.nodes[0].data,
    ).toEqual({});
  });

  it.each([
    ['no revision', { flow }],
    ['a nameless flow', { revision: 1, flow: { ...flow, name: ' ' } }],
    ['a node without position', { revision: 1, flow: { ...flow, nodes: [{ id: 'a', type: 'end' }] } }],
  ])('should refuse %s', (_title, value) => {
    expect(saveDraftSchema.safeParse(value).success).toBe(false);
  });
});

describe('createFlowSchema', () => {
  it('should take a flow without steps', () => {
    expect(createFlowSchema.parse({ name: 'Nouveau' })).toEqual({ name: 'Nouveau', nodes: [], edges: [] });
  });
});

describe('diffQuerySchema', () => {
  it.each([
    [{ from: '2' }, { from: 2, to: 'draft' }],
    [
      { from: 'draft', to: '3' },
      { from: 'draft', to: 3 },
    ],
  ])('should read %p', (query, expected) => {
    expect(diffQuerySchema.parse(query)).toEqual(expected);
  });
});

describe('simulateSavedSchema', () => {
  it('should simulate the draft by default', () => {
    const request = { event: { type: 'appointment.booked', at: '2026-03-20T10:00:00Z' } };
    expect(simulateSavedSchema.parse(request)).toEqual({ ...request, version: 'draft' });
  });
});
