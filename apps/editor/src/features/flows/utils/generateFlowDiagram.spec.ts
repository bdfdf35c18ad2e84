import { remindersFlow } from '@clinicflow/rules';
import { messages } from '../../../test/messages';
import { branchFlow } from '../testing/flowFixtures';
import { generateFlowDiagram } from './generateFlowDiagram';

describe(generateFlowDiagram.name, () => {
  it('draws one card per step, typed by the step type, with its summary', () => {
    const sut = generateFlowDiagram(remindersFlow, messages.en);
    expect(sut.nodes.map((node) => [node.id, node.type])).toEqual(
      remindersFlow.nodes.map((node) => [node.id, node.type]),
    );
    expect(sut.nodes.find((node) => node.id === 'wait24')?.data.summary).toBe(
      'Wait until 24 h before the appointment',
    );
  });

  it.each([
    ['booked-next-wait48', 'next'],
    ['sms24-confirmed-mark-confirmed', 'confirmed'],
    ['sms24-no-reply-end', 'no-reply'],
  ])('draws edge %s leaving by the %s handle', (id, exit) => {
    const edge = generateFlowDiagram(remindersFlow, messages.en).edges.find(
      (candidate) => candidate.id === id,
    );
    expect(edge).toMatchObject({ sourceHandle: exit, type: 'exit', data: { exit } });
  });

  it.each([
    ['t', []],
    ['c', []],
    ['s', []],
    ['e', []],
  ])('lists the open exits of %s', (id, open) => {
    const node = generateFlowDiagram(branchFlow(), messages.en).nodes.find(
      (candidate) => candidate.id === id,
    );
    expect(node?.data.openExits).toEqual(open);
  });

  it('lists the open exits of a step whose exits lead nowhere', () => {
    const flow = branchFlow();
    flow.edges = flow.edges.filter((edge) => edge.sourceHandle !== 'no');
    const node = generateFlowDiagram(flow, messages.en).nodes.find((candidate) => candidate.id === 'c');
    expect(node?.data.openExits).toEqual(['no']);
  });

  it('puts each problem on its step and marks the selection and the measured size', () => {
    const sut = generateFlowDiagram(branchFlow(), messages.en, {
      problems: [
        { nodeId: 's', path: 'nodes.2.data.template', message: 'Message step "s" has no template' },
        { nodeId: null, path: 'name', message: 'The flow has no name' },
      ],
      selectedIds: new Set(['s']),
      measured: new Map([['s', { width: 300, height: 120 }]]),
    });
    const send = sut.nodes.find((node) => node.id === 's');
    expect(send?.data.problems).toEqual(['Message step "s" has no template']);
    expect(send?.selected).toBe(true);
    expect(send?.measured).toEqual({ width: 300, height: 120 });
    expect(sut.nodes.filter((node) => node.data.problems.length > 0)).toHaveLength(1);
  });
});
