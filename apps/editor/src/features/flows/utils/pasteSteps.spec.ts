import { branchFlow, stepIds, wiring } from '../testing/flowFixtures';
import { copySteps } from './copySteps';
import { pasteSteps } from './pasteSteps';

describe(copySteps.name, () => {
  it.each([
    { ids: ['c', 's', 'e'], steps: ['c', 'e', 's'], edges: 2 },
    { ids: ['t', 's'], steps: ['s'], edges: 0 },
    { ids: ['s', 'e'], steps: ['e', 's'], edges: 1 },
  ])('copies $ids as $steps with $edges inner connections', ({ ids, steps, edges }) => {
    const sut = copySteps(branchFlow(), ids);
    expect(sut.nodes.map((node) => node.id).sort()).toEqual(steps);
    expect(sut.edges).toHaveLength(edges);
  });
});

describe(pasteSteps.name, () => {
  it('pastes copies with new ids, shifted, keeping their inner connections', () => {
    const flow = branchFlow();
    const sut = pasteSteps(flow, copySteps(flow, ['c', 's', 'e']));
    expect(sut.stepIds).toEqual(['condition-1', 'send-1', 'end-1']);
    expect(stepIds(sut.flow)).toEqual(['c', 'condition-1', 'e', 'e2', 'end-1', 's', 'send-1', 't']);
    expect(wiring(sut.flow)).toEqual([
      'c -no-> e2',
      'c -yes-> s',
      'condition-1 -yes-> send-1',
      's -next-> e',
      'send-1 -next-> end-1',
      't -next-> c',
    ]);
    expect(sut.flow.nodes.find((node) => node.id === 'send-1')?.position).toEqual({ x: 40, y: 40 });
  });

  it('pastes twice without id clashes', () => {
    const flow = branchFlow();
    const clipboard = copySteps(flow, ['s']);
    const sut = pasteSteps(pasteSteps(flow, clipboard).flow, clipboard);
    expect(sut.stepIds).toEqual(['send-2']);
  });

  it('does not share data with the clipboard', () => {
    const flow = branchFlow();
    const clipboard = copySteps(flow, ['s']);
    const sut = pasteSteps(flow, clipboard);
    const pasted = sut.flow.nodes.find((node) => node.id === 'send-1');
    expect(pasted?.data).not.toBe(clipboard.nodes[0].data);
    expect(pasted?.data).toEqual(clipboard.nodes[0].data);
  });
});
