import type { Flow } from '@clinicflow/rules';
import { branchFlow, lineFlow } from '../testing/flowFixtures';
import { createStep } from './createStep';
import { emptyFlow } from './emptyFlow';
import { openExitNear } from './openExitNear';

/** A flow whose steps are placed where a layout would put them (the fixtures have them all at 0, 0). */
const placed = (flow: Flow, positions: Record<string, { x: number; y: number }>): Flow => ({
  ...flow,
  nodes: flow.nodes.map((node) => ({ ...node, position: positions[node.id] ?? node.position })),
});

describe(openExitNear.name, () => {
  it("should attach a step dropped anywhere below a new flow's trigger to the trigger", () => {
    const flow = emptyFlow('New');
    expect(openExitNear(flow, { x: 600, y: 400 })).toEqual({
      kind: 'exit',
      nodeId: 'trigger-1',
      exit: 'next',
    });
  });

  it('should not attach a step dropped above every free exit', () => {
    expect(openExitNear(emptyFlow('New'), { x: 100, y: 50 })).toBeNull();
  });

  it('should find nothing in a flow whose every exit leads somewhere', () => {
    expect(openExitNear(lineFlow(), { x: 0, y: 900 })).toBeNull();
  });

  it('should pick the free exit nearest to the drop, measured sizes first', () => {
    // a condition whose "no" branch leads nowhere: its yes exit is at x 86, its no exit at x 173
    const flow = placed(
      {
        ...branchFlow(),
        nodes: [...branchFlow().nodes, createStep('wait', 'w2', { x: 0, y: 0 })],
        edges: branchFlow().edges.filter((edge) => edge.target !== 'e2'),
      },
      {
        t: { x: 0, y: 0 },
        c: { x: 0, y: 200 },
        s: { x: 0, y: 400 },
        e: { x: 0, y: 600 },
        w2: { x: 600, y: 0 },
      },
    );
    const sizes = new Map([['c', { width: 260, height: 100 }]]);
    expect(openExitNear(flow, { x: 180, y: 330 }, sizes)).toEqual({ kind: 'exit', nodeId: 'c', exit: 'no' });
    expect(openExitNear(flow, { x: 740, y: 200 }, sizes)).toEqual({
      kind: 'exit',
      nodeId: 'w2',
      exit: 'next',
    });
  });
});
