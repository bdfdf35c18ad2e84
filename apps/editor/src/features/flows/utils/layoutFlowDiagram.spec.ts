import { remindersFlow } from '@clinicflow/rules';
import { branchFlow } from '../testing/flowFixtures';
import { defaultStepSize, layoutFlowDiagram } from './layoutFlowDiagram';

describe(layoutFlowDiagram.name, () => {
  it('puts the trigger at the top and every step below the steps leading to it', async () => {
    const sut = await layoutFlowDiagram(remindersFlow.nodes, remindersFlow.edges);
    const topmost = Math.min(...Object.values(sut).map((position) => position.y));
    expect(sut.booked.y).toBe(topmost);
    for (const edge of remindersFlow.edges) expect(sut[edge.target].y).toBeGreaterThan(sut[edge.source].y);
  });

  it('puts the "yes" branch to the left of the "no" branch', async () => {
    const flow = branchFlow();
    const sut = await layoutFlowDiagram(flow.nodes, flow.edges);
    expect(sut.s.x).toBeLessThan(sut.e2.x);
  });

  it('makes room for a card React Flow measured taller', async () => {
    const flow = branchFlow();
    const plain = await layoutFlowDiagram(flow.nodes, flow.edges);
    const tall = await layoutFlowDiagram(
      flow.nodes.map((node) => (node.id === 't' ? { ...node, measured: { width: 260, height: 400 } } : node)),
      flow.edges,
    );
    expect(tall.c.y - tall.t.y).toBeGreaterThanOrEqual(400);
    expect(plain.c.y - plain.t.y).toBeLessThan(400);
    expect(plain.c.y - plain.t.y).toBeGreaterThanOrEqual(defaultStepSize.height);
  });

  it('does not overlap cards', async () => {
    const sut = await layoutFlowDiagram(remindersFlow.nodes, remindersFlow.edges);
    const boxes = Object.values(sut);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart =
          Math.abs(a.x - b.x) >= defaultStepSize.width || Math.abs(a.y - b.y) >= defaultStepSize.height;
        expect(apart).toBe(true);
      }
    }
  });
});
