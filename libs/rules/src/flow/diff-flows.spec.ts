import { bookingConfirmationFlow } from '../starter-flows/booking-confirmation.flow';
import { diffFlows, sameJson } from './diff-flows';

const flow = {
  name: 'Rappels',
  nodes: [
    { id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, data: { events: ['appointment.booked'] } },
    { id: 'sms', type: 'send', position: { x: 0, y: 140 }, data: { channel: 'sms' } },
  ],
  edges: [{ id: 'e1', source: 'trigger', target: 'sms', sourceHandle: 'next' }],
};

describe(diffFlows.name, () => {
  it('should find nothing between a flow and its copy', () => {
    const sut = diffFlows(flow, structuredClone(flow));
    expect(sut).toEqual({
      nodes: { added: [], removed: [], changed: [] },
      edges: { added: [], removed: [], changed: [] },
      flow: [],
    });
  });

  it('should name steps added, removed and changed, connections and flow fields', () => {
    const to = {
      ...flow,
      name: 'Rappels 48 h',
      nodes: [
        { ...flow.nodes[0], position: { x: 10, y: 0 } },
        { id: 'end', type: 'end', position: { x: 0, y: 280 }, data: {} },
      ],
      edges: [{ id: 'e2', source: 'trigger', target: 'end', sourceHandle: 'next' }],
    };
    expect(diffFlows(flow, to)).toEqual({
      nodes: { added: ['end'], removed: ['sms'], changed: [{ id: 'trigger', fields: ['position'] }] },
      edges: { added: ['e2'], removed: ['e1'], changed: [] },
      flow: ['name'],
    });
  });

  it('should see a starter flow as unchanged after a round trip through JSON', () => {
    const stored = JSON.parse(JSON.stringify(bookingConfirmationFlow));
    expect(diffFlows(bookingConfirmationFlow, stored).nodes.changed).toEqual([]);
  });
});

describe(sameJson.name, () => {
  it.each([
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [[1, { x: 'y' }], [1, { x: 'y' }], true],
    [[1, 2], [2, 1], false],
    [{ a: [1] }, { a: { 0: 1 } }, false],
    [null, {}, false],
    ['1', 1, false],
  ])('should compare %p and %p as %p', (a, b, expected) => {
    expect(sameJson(a, b)).toBe(expected);
  });
});
