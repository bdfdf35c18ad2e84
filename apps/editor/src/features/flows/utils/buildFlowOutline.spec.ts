import { remindersFlow } from '@clinicflow/rules';
import { branchFlow, link, lineFlow, step } from '../testing/flowFixtures';
import { buildFlowOutline, type OutlineRow } from './buildFlowOutline';

const show = (row: OutlineRow) =>
  `${'  '.repeat(row.depth)}${row.kind === 'branch' ? `[${row.exit}]` : row.kind === 'step' ? row.stepId : row.kind === 'shared' ? `→ ${row.stepId}` : '(unconnected)'}`;

describe(buildFlowOutline.name, () => {
  it.each([
    ['a line', lineFlow(), ['t', 'w', 's', 'e']],
    ['a branch', branchFlow(), ['t', 'c', '  [yes]', '    s', '    e', '  [no]', '    e2']],
    [
      'a question with a shared End',
      remindersFlow,
      [
        'booked',
        'wait48',
        'email48',
        'wait24',
        'sms24',
        '  [confirmed]',
        '    mark-confirmed',
        '    end',
        '  [declined]',
        '    mark-declined',
        '    → end',
        '  [no-reply]',
        '    → end',
        '  [failed]',
        '    → end',
      ],
    ],
    [
      'steps not reached from the trigger',
      {
        ...lineFlow(),
        nodes: [...lineFlow().nodes, step('send', 'p'), step('end', 'pe')],
        edges: [...lineFlow().edges, link('p', 'pe')],
      },
      ['t', 'w', 's', 'e', '(unconnected)', '  p', '  pe'],
    ],
  ])('lists %s', (_title, flow, expected) => {
    expect(buildFlowOutline(flow).map(show)).toEqual(expected);
  });

  it.each([
    ['w', { kind: 'edge', edgeId: 'w-next-s' }],
    ['e', null],
  ])('adds after %s on %j', (id, place) => {
    const row = buildFlowOutline(lineFlow()).find((candidate) => candidate.key === id);
    expect(row?.kind === 'step' && row.addPlace).toEqual(place);
  });

  it('adds on an open exit of a branch', () => {
    const flow = branchFlow();
    flow.edges = flow.edges.filter((edge) => edge.sourceHandle !== 'no');
    const row = buildFlowOutline(flow).find((candidate) => candidate.key === 'c:no');
    expect(row?.kind === 'branch' && row.addPlace).toEqual({ kind: 'exit', nodeId: 'c', exit: 'no' });
  });
});
