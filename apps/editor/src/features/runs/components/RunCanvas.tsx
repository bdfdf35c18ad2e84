import '@xyflow/react/dist/style.css';
import { nodeTypes as stepTypes, type Flow } from '@clinicflow/rules';
import { Background, Controls, ReactFlow, ReactFlowProvider, type NodeTypes } from '@xyflow/react';
import { useMemo } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import { StepNode } from '../../flows/components/StepNode';
import { FlowEditorContext, type FlowEditorActions } from '../../flows/hooks/flowEditorContext';
import { LitPathContext, type LitPath } from '../../flows/hooks/litPathContext';
import type { StepDiagramNode } from '../../flows/types/flowDiagram';
import { generateFlowDiagram } from '../../flows/utils/generateFlowDiagram';

// Defined once, outside any component, so React Flow never re-mounts the cards.
const nodeTypes: NodeTypes = Object.fromEntries(stepTypes.map((type) => [type, StepNode]));

const nothing = () => undefined;

/** A published version is read, never edited: the cards' actions do nothing (and they offer none, see below). */
const readOnly: FlowEditorActions = {
  insert: nothing,
  remove: nothing,
  connect: nothing,
  updateData: nothing,
  move: nothing,
  rename: nothing,
  select: nothing,
  copy: nothing,
  paste: nothing,
  undo: nothing,
  redo: nothing,
  tidy: nothing,
  cancelRemove: nothing,
  measure: nothing,
  announce: nothing,
};

/**
 * The flow version a run followed, drawn as on the editor's canvas but read-only (no "+", nothing to drag or
 * connect), with the run's path lit: the steps it reached, the connections it took, the others faded.
 */
export function RunCanvas({ flow, path, label }: { flow: Flow; path: LitPath; label: string }) {
  const t = useMessages();
  const diagram = useMemo(() => generateFlowDiagram(flow, t), [flow, t]);
  const nodes = useMemo(
    () =>
      diagram.nodes.map((node) => ({
        ...node,
        // no exit is offered for a new step on a version that cannot change
        data: { ...node.data, openExits: [] },
        selectable: false,
        draggable: false,
        connectable: false,
      })) as StepDiagramNode[],
    [diagram.nodes],
  );
  const edges = useMemo(
    () =>
      diagram.edges.map((edge) => ({
        ...edge,
        type: 'smoothstep',
        style: path.edges.has(edge.id)
          ? { stroke: 'var(--mantine-color-teal-7)', strokeWidth: 3 }
          : { opacity: 0.4 },
      })),
    [diagram.edges, path],
  );
  return (
    <FlowEditorContext.Provider value={readOnly}>
      <LitPathContext.Provider value={path}>
        <ReactFlowProvider>
          <div style={{ width: '100%', height: '100%' }} data-testid="run-canvas">
            <ReactFlow
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              nodesDraggable={false}
              nodesConnectable={false}
              elementsSelectable={false}
              fitView
              fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
              minZoom={0.3}
              aria-label={label}
              proOptions={{ hideAttribution: true }}
            >
              <Background gap={24} />
              <Controls showInteractive={false} />
            </ReactFlow>
          </div>
        </ReactFlowProvider>
      </LitPathContext.Provider>
    </FlowEditorContext.Provider>
  );
}
