import type { Flow } from '@clinicflow/rules';
import { lineFlow } from '../testing/flowFixtures';
import { flowHistoryReducer, historyLimit, startHistory, type FlowHistoryAction } from './flowHistoryReducer';

const named = (name: string): Flow => ({ ...lineFlow(), name });
const run = (actions: FlowHistoryAction[]) => actions.reduce(flowHistoryReducer, startHistory(named('v0')));

describe(flowHistoryReducer.name, () => {
  const a = named('a');
  const b = named('b');
  const c = named('c');
  it.each<{ title: string; actions: FlowHistoryAction[]; present: string; past: number; future: number }>([
    { title: 'commit', actions: [{ type: 'commit', flow: a }], present: 'a', past: 1, future: 0 },
    {
      title: 'undo',
      actions: [{ type: 'commit', flow: a }, { type: 'undo' }],
      present: 'v0',
      past: 0,
      future: 1,
    },
    {
      title: 'undo then redo',
      actions: [{ type: 'commit', flow: a }, { type: 'undo' }, { type: 'redo' }],
      present: 'a',
      past: 1,
      future: 0,
    },
    {
      title: 'a commit after undo drops the redo',
      actions: [{ type: 'commit', flow: a }, { type: 'undo' }, { type: 'commit', flow: b }],
      present: 'b',
      past: 1,
      future: 0,
    },
    {
      title: 'edits of one field merge into one undo step',
      actions: [
        { type: 'commit', flow: a, mergeKey: 's.label' },
        { type: 'commit', flow: b, mergeKey: 's.label' },
        { type: 'commit', flow: c, mergeKey: 's.body' },
      ],
      present: 'c',
      past: 2,
      future: 0,
    },
    {
      title: 'layout replaces the present without an undo step',
      actions: [
        { type: 'commit', flow: a },
        { type: 'replace', flow: b },
      ],
      present: 'b',
      past: 1,
      future: 0,
    },
    {
      title: 'a layout of an older document is dropped',
      actions: [
        { type: 'commit', flow: a },
        { type: 'commit', flow: b },
        { type: 'replace', flow: c, base: a },
      ],
      present: 'b',
      past: 2,
      future: 0,
    },
    { title: 'undo with nothing to undo', actions: [{ type: 'undo' }], present: 'v0', past: 0, future: 0 },
    { title: 'redo with nothing to redo', actions: [{ type: 'redo' }], present: 'v0', past: 0, future: 0 },
    {
      title: 'reset forgets everything',
      actions: [
        { type: 'commit', flow: a },
        { type: 'reset', flow: c },
      ],
      present: 'c',
      past: 0,
      future: 0,
    },
  ])('$title', ({ actions, present, past, future }) => {
    const sut = run(actions);
    expect(sut.present.name).toBe(present);
    expect(sut.past).toHaveLength(past);
    expect(sut.future).toHaveLength(future);
  });

  it('restores positions, data and structure on undo', () => {
    const moved = { ...lineFlow(), nodes: lineFlow().nodes.map((n) => ({ ...n, position: { x: 9, y: 9 } })) };
    const sut = run([{ type: 'commit', flow: moved }, { type: 'undo' }]);
    expect(sut.present.nodes.map((node) => node.position)).toEqual(lineFlow().nodes.map((n) => n.position));
  });

  it(`keeps at most ${historyLimit} undo steps`, () => {
    const actions = Array.from({ length: historyLimit + 20 }, (_, i) => ({
      type: 'commit' as const,
      flow: named(`v${i + 1}`),
    }));
    expect(run(actions).past).toHaveLength(historyLimit);
  });
});
