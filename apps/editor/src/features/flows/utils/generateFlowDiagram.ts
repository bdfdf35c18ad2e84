import { edgeExit, isBlockingProblem, nodeExits, type Flow, type RulesProblem } from '@clinicflow/rules';
import type { Messages } from '../../../i18n/messages';
import type { ExitDiagramEdge, FlowDiagram, StepDiagramNode, StepSize } from '../types/flowDiagram';
import { connectedExits } from './connectedExits';
import { describeProblem, stepNamer } from './describeProblem';
import { formatMessage } from './formatMessage';
import { summarizeStep, type StepNames } from './summarizeStep';

/** What the diagram shows besides the flow itself. */
export interface DiagramOptions {
  problems?: readonly RulesProblem[];
  selectedIds?: ReadonlySet<string>;
  /** Sizes React Flow measured, passed back so layout and fit-view know them. */
  measured?: ReadonlyMap<string, StepSize>;
  /** Names of the services, practitioners and templates the steps refer to. */
  names?: StepNames;
}

/** The canvas of a flow: one card per step, one connection per edge, each leaving by its typed exit. */
export function generateFlowDiagram(flow: Flow, t: Messages, options: DiagramOptions = {}): FlowDiagram {
  const problemsByStep = new Map<string, string[]>();
  const warningsByStep = new Map<string, string[]>();
  const nameStep = stepNamer(flow, t, options.names);
  for (const problem of options.problems ?? []) {
    if (problem.nodeId === null) continue;
    const words = describeProblem(problem, t, nameStep);
    const byStep = isBlockingProblem(problem) ? problemsByStep : warningsByStep;
    byStep.set(problem.nodeId, [...(byStep.get(problem.nodeId) ?? []), words]);
  }
  const nodes = flow.nodes.map((step) => {
    const connected = connectedExits(flow, step.id);
    const summary = summarizeStep(step, t, options.names);
    const measured = options.measured?.get(step.id);
    return {
      id: step.id,
      type: step.type,
      position: step.position,
      data: {
        step,
        summary,
        problems: problemsByStep.get(step.id) ?? [],
        warnings: warningsByStep.get(step.id) ?? [],
        openExits: nodeExits[step.type].filter((exit) => !connected.has(exit)),
      },
      selected: options.selectedIds?.has(step.id) ?? false,
      deletable: false,
      ariaLabel: summary,
      ...(measured ? { measured } : {}),
    } as StepDiagramNode;
  });
  const edges: ExitDiagramEdge[] = flow.edges.map((edge) => ({
    id: edge.id,
    type: 'exit',
    source: edge.source,
    target: edge.target,
    sourceHandle: edgeExit(edge),
    targetHandle: null,
    deletable: false,
    // Tab goes through the cards and the "+" buttons; a connection itself has nothing to edit.
    focusable: false,
    // named by the steps it joins, in the user's words (React Flow's own name would quote the steps' ids)
    ariaLabel: formatMessage(t.canvasLineLabel, {
      from: nameStep(edge.source) ?? '',
      to: nameStep(edge.target) ?? '',
    }),
    data: { exit: edgeExit(edge) },
  }));
  return { nodes, edges };
}
