import { branchFlow } from '../testing/flowFixtures';
import { connectSteps } from './connectSteps';
import { wouldCreateCycle } from './wouldCreateCycle';

describe(wouldCreateCycle.name, () => {
  it.each([
    ['s', 'c', true],
    ['e', 't', true],
    ['s', 's', true],
    ['c', 'e', false],
    ['s', 'e2', false],
    ['t', 'e', false],
  ])('from %s to %s → %s', (source, target, expected) => {
    expect(wouldCreateCycle(branchFlow(), source, target)).toBe(expected);
  });
});

describe(connectSteps.name, () => {
  const open = () => {
    const flow = branchFlow();
    return { ...flow, edges: flow.edges.filter((edge) => edge.id !== 's-next-e') };
  };

  it.each([
    ['s', 'next', 'c', 'cycle'],
    ['s', 'next', 't', 'to-trigger'],
    ['c', 'yes', 'e', 'exit-used'],
    ['s', 'yes', 'e', 'unknown-exit'],
    ['s', 'next', 'zz', 'unknown-step'],
  ])('refuses %s -%s-> %s (%s)', (source, exit, target, reason) => {
    expect(connectSteps(open(), source, exit, target)).toEqual({ status: 'refused', reason });
  });

  it('connects an open exit to a later step', () => {
    const sut = connectSteps(open(), 's', 'next', 'e2');
    expect(sut.status === 'connected' && sut.flow.edges.at(-1)).toEqual({
      id: 's-next-e2',
      source: 's',
      target: 'e2',
      sourceHandle: null,
    });
  });
});
