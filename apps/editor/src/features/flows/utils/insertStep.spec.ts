import { validateFlow, type NodeType } from '@clinicflow/rules';
import { branchFlow, lineFlow, wiring } from '../testing/flowFixtures';
import type { InsertPlace } from '../types/flowDiagram';
import { insertStep } from './insertStep';

describe(insertStep.name, () => {
  it.each<{ title: string; type: NodeType; place: InsertPlace; stepId: string; expected: string[] }>([
    {
      title: 'a wait on trigger → wait keeps the line',
      type: 'wait',
      place: { kind: 'edge', edgeId: 't-next-w' },
      stepId: 'wait-1',
      expected: ['s -next-> e', 't -next-> wait-1', 'w -next-> s', 'wait-1 -next-> w'],
    },
    {
      title: 'a condition keeps the downstream on yes and ends on no',
      type: 'condition',
      place: { kind: 'edge', edgeId: 'w-next-s' },
      stepId: 'condition-1',
      expected: [
        'condition-1 -no-> end-1',
        'condition-1 -yes-> s',
        's -next-> e',
        't -next-> w',
        'w -next-> condition-1',
      ],
    },
    {
      title: 'a question keeps the downstream on confirmed and ends the three other exits',
      type: 'ask',
      place: { kind: 'edge', edgeId: 's-next-e' },
      stepId: 'ask-1',
      expected: [
        'ask-1 -confirmed-> e',
        'ask-1 -declined-> end-1',
        'ask-1 -failed-> end-3',
        'ask-1 -no-reply-> end-2',
        's -next-> ask-1',
        't -next-> w',
        'w -next-> s',
      ],
    },
  ])('inserts $title', ({ type, place, stepId, expected }) => {
    const sut = insertStep(lineFlow(), place, type);
    expect(sut?.stepId).toBe(stepId);
    expect(wiring(sut!.flow)).toEqual(expected);
  });

  it.each<{ title: string; type: NodeType; place: InsertPlace }>([
    {
      title: 'a send on the next exit of a send',
      type: 'send',
      place: { kind: 'exit', nodeId: 's', exit: 'next' },
    },
    { title: 'a wait on the yes exit', type: 'wait', place: { kind: 'exit', nodeId: 'c', exit: 'yes' } },
  ])('refuses an exit already connected ($title)', ({ type, place }) => {
    expect(insertStep(branchFlow(), place, type)).toBeNull();
  });

  it('adds a first step on the open exit of a lone trigger', () => {
    const flow = { name: 'Empty', nodes: [lineFlow().nodes[0]], edges: [] };
    const sut = insertStep(flow, { kind: 'exit', nodeId: 't', exit: 'next' }, 'send');
    expect(wiring(sut!.flow)).toEqual(['t -next-> send-1']);
  });

  it.each<[string, NodeType, InsertPlace]>([
    ['a second trigger', 'trigger', { kind: 'edge', edgeId: 't-next-w' }],
    ['an End that would cut off the steps after it', 'end', { kind: 'edge', edgeId: 't-next-w' }],
    ['a step on an unknown connection', 'wait', { kind: 'edge', edgeId: 'nope' }],
    ['a step on an exit the step does not have', 'wait', { kind: 'exit', nodeId: 'w', exit: 'yes' }],
  ])('refuses %s', (_title, type, place) => {
    expect(insertStep(lineFlow(), place, type)).toBeNull();
  });

  it.each<NodeType>(['condition', 'wait', 'send', 'ask', 'update', 'webhook'])(
    'keeps the graph valid for the engine after inserting a %s',
    (type) => {
      const sut = insertStep(branchFlow(), { kind: 'edge', edgeId: 'c-yes-s' }, type);
      const graphProblems = validateFlow(sut!.flow).problems.filter((problem) =>
        /exit|reached|loop|trigger|connection/.test(problem.message),
      );
      expect(graphProblems).toEqual([]);
    },
  );
});
