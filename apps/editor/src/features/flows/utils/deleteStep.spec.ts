import { branchFlow, lineFlow, stepIds, wiring } from '../testing/flowFixtures';
import { deleteStep } from './deleteStep';

describe(deleteStep.name, () => {
  it.each([
    { title: 'a wait in a line', flow: lineFlow(), id: 'w', wires: ['s -next-> e', 't -next-> s'] },
    { title: 'the last End of a line', flow: lineFlow(), id: 'e', wires: ['t -next-> w', 'w -next-> s'] },
    {
      title: 'a send on a branch (the branch goes on to its End)',
      flow: branchFlow(),
      id: 's',
      wires: ['c -no-> e2', 'c -yes-> e', 't -next-> c'],
    },
  ])('reconnects around $title', ({ flow, id, wires }) => {
    const sut = deleteStep(flow, id);
    expect(sut.status).toBe('deleted');
    if (sut.status === 'deleted') expect(wiring(sut.flow)).toEqual(wires);
  });

  it('asks which branch to keep when the step has several connected exits', () => {
    expect(deleteStep(branchFlow(), 'c')).toEqual({ status: 'choose-branch', exits: ['yes', 'no'] });
  });

  it.each([
    { keep: 'yes', steps: ['e', 's', 't'], wires: ['s -next-> e', 't -next-> s'] },
    { keep: 'no', steps: ['e2', 't'], wires: ['t -next-> e2'] },
  ])('keeps the "$keep" branch and drops the steps only the other reached', ({ keep, steps, wires }) => {
    const sut = deleteStep(branchFlow(), 'c', keep);
    expect(sut.status).toBe('deleted');
    if (sut.status === 'deleted') {
      expect(stepIds(sut.flow)).toEqual(steps);
      expect(wiring(sut.flow)).toEqual(wires);
    }
  });

  it.each([
    ['the trigger', 't', 'trigger'],
    ['an unknown step', 'zz', 'unknown'],
  ])('refuses to delete %s', (_title, id, reason) => {
    expect(deleteStep(lineFlow(), id)).toEqual({ status: 'refused', reason });
  });
});
