import type { Flow } from '@clinicflow/rules';
import { pathTaken } from './pathTaken';

/** booked → consented? → yes: sms → end; no: email → end */
const flow: Pick<Flow, 'nodes' | 'edges'> = {
  nodes: ['booked', 'consent', 'sms', 'email', 'end'].map((id) => ({ id }) as Flow['nodes'][number]),
  edges: [
    { id: 'e1', source: 'booked', target: 'consent', sourceHandle: null },
    { id: 'e2', source: 'consent', target: 'sms', sourceHandle: 'yes' },
    { id: 'e3', source: 'consent', target: 'email', sourceHandle: 'no' },
    { id: 'e4', source: 'sms', target: 'end', sourceHandle: null },
    { id: 'e5', source: 'email', target: 'end', sourceHandle: null },
  ],
};

describe(pathTaken.name, () => {
  it('should light the steps reached and the connections of the exits taken', () => {
    const sut = pathTaken(flow, [
      { nodeId: 'booked', exit: 'next' },
      { nodeId: 'consent', exit: 'yes' },
      { nodeId: 'sms', exit: null },
      { nodeId: 'end' },
    ]);
    expect([...sut.nodes].sort()).toEqual(['booked', 'consent', 'end', 'sms']);
    expect([...sut.edges].sort()).toEqual(['e1', 'e2', 'e4']);
  });

  it('should not light a branch the run did not take even when both branches meet again', () => {
    const sut = pathTaken(flow, [
      { nodeId: 'booked' },
      { nodeId: 'consent', exit: 'no' },
      { nodeId: 'email', outcome: 'skipped' },
      { nodeId: 'end' },
    ]);
    expect([...sut.edges].sort()).toEqual(['e1', 'e3', 'e5']);
  });

  it('should leave out steps the flow does not have (a reply line, another flow’s step)', () => {
    expect([...pathTaken(flow, [{ nodeId: 'reply' }, { nodeId: 'booked' }]).nodes]).toEqual(['booked']);
  });
});
