import '@xyflow/react/dist/style.css';
import { nodeTypes as stepTypes, type Flow, type NodeType, type RulesProblem } from '@clinicflow/rules';
import { notifications } from '@mantine/notifications';
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import { useFlowEditorActions } from '../hooks/useFlowEditorActions';
import { useStepNames } from '../hooks/useStepNames';
import type { StepDiagramNode, StepSize } from '../types/flowDiagram';
import { connectSteps } from '../utils/connectSteps';
import { generateFlowDiagram } from '../utils/generateFlowDiagram';
import { nearestStepInDirection, type Direction } from '../utils/nearestStepInDirection';
import { ExitEdge } from './ExitEdge';
import { edgeAtPoint, PaletteDock, stepDragType } from './PaletteDock';
import { StepNode } from './StepNode';

// Defined once, outside any component, so React Flow never re-mounts the cards.
const nodeTypes: NodeTypes = Object.fromEntries(stepTypes.map((type) => [type, StepNode]));
const edgeTypes: EdgeTypes = { exit: ExitEdge };
const arrows: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/** The flow drawn with React Flow: cards, typed exits, "+" on connections, minimap, controls and shortcuts. */
export function FlowCanvas({
  flow,
  problems,
  selectedIds,
  layoutCount,
}: {
  flow: Flow;
  problems: readonly RulesProblem[];
  selectedIds: readonly string[];
  layoutCount: number;
}) {
  const t = useMessages();
  const actions = useFlowEditorActions();
  const { fitView } = useReactFlow();
  const [measured, setMeasured] = useState<ReadonlyMap<string, StepSize>>(new Map());
  const [dragged, setDragged] = useState<Record<string, { x: number; y: number }>>({});
  const names = useStepNames();
  const selected = useMemo(() => new Set(selectedIds), [selectedIds]);
  const diagram = useMemo(
    () => generateFlowDiagram(flow, t, { problems, selectedIds: selected, measured, names }),
    [flow, t, problems, selected, measured, names],
  );
  const nodes = useMemo(
    () =>
      diagram.nodes.map((node) =>
        dragged[node.id] ? { ...node, position: dragged[node.id] } : node,
      ) as StepDiagramNode[],
    [diagram.nodes, dragged],
  );

  useEffect(() => {
    if (layoutCount > 0) void fitView({ duration: 200, padding: 0.15, maxZoom: 1 });
  }, [layoutCount, fitView]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StepDiagramNode>[]) => {
      const sizes: Record<string, StepSize> = {};
      const moving: Record<string, { x: number; y: number }> = {};
      const dropped: Record<string, { x: number; y: number }> = {};
      let selection: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions) sizes[change.id] = change.dimensions;
        if (change.type === 'position' && change.position) {
          if (change.dragging) moving[change.id] = change.position;
          else dropped[change.id] = change.position;
        }
        if (change.type === 'select') {
          selection ??= new Set(selected);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        }
      }
      if (Object.keys(sizes).length > 0) {
        actions.measure(sizes);
        setMeasured((previous) => new Map([...previous, ...Object.entries(sizes)]));
        // A step added after the first drawing was laid out with a guessed size: place it again, now measured.
        if (measured.size > 0 && Object.keys(sizes).some((id) => !measured.has(id))) actions.tidy();
      }
      if (Object.keys(moving).length > 0) setDragged((previous) => ({ ...previous, ...moving }));
      if (Object.keys(dropped).length > 0) {
        actions.move(dropped);
        setDragged({});
      }
      if (selection) actions.select([...selection]);
    },
    [actions, selected, measured],
  );

  const onConnect = useCallback(
    (connection: Connection) =>
      actions.connect(connection.source, connection.sourceHandle ?? 'next', connection.target),
    [actions],
  );
  const isValidConnection = useCallback(
    (connection: Connection | { source: string; target: string; sourceHandle?: string | null }) =>
      connectSteps(flow, connection.source, connection.sourceHandle ?? 'next', connection.target).status ===
      'connected',
    [flow],
  );

  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    const element = event.target as HTMLElement;
    if (element.closest('input, textarea, select, [role="menu"]')) return;
    const focusedId = element.closest<HTMLElement>('.react-flow__node')?.dataset.id;
    const mod = event.ctrlKey || event.metaKey;
    if (arrows[event.key] && focusedId && !mod) {
      event.preventDefault();
      event.stopPropagation();
      const placed = nodes.map((node) => ({
        id: node.id,
        position: node.position,
        ...measured.get(node.id),
      }));
      const next = nearestStepInDirection(placed, focusedId, arrows[event.key]);
      if (next)
        element
          .closest('.react-flow')
          ?.querySelector<HTMLElement>(`.react-flow__node[data-id="${next}"]`)
          ?.focus();
    } else if (
      (event.key === 'Enter' || event.key === ' ') &&
      focusedId &&
      element.classList.contains('react-flow__node')
    ) {
      event.preventDefault();
      actions.select([focusedId]);
    } else if ((event.key === 'Backspace' || event.key === 'Delete') && selected.size === 1) {
      event.preventDefault();
      actions.remove([...selected][0]);
    } else if (mod && event.key.toLowerCase() === 'c') {
      actions.copy();
    } else if (mod && event.key.toLowerCase() === 'v') {
      event.preventDefault();
      actions.paste();
    }
  };

  // A chip of the palette dropped on a connection inserts its step there; elsewhere, the canvas says where.
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes(stepDragType)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const type = event.dataTransfer.getData(stepDragType) as NodeType;
    if (!type) return;
    event.preventDefault();
    const edgeId = edgeAtPoint(event.clientX, event.clientY);
    if (edgeId) actions.insert({ kind: 'edge', edgeId }, type);
    else notifications.show({ color: 'orange', message: t.paletteDropOnEdge });
  };

  return (
    <div
      style={{ width: '100%', height: '100%' }}
      onKeyDownCapture={onKeyDownCapture}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow<StepDiagramNode>
        nodes={nodes}
        edges={diagram.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onPaneClick={() => actions.select([])}
        deleteKeyCode={null}
        disableKeyboardA11y
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
        minZoom={0.2}
        aria-label={t.canvasLabel}
        ariaLabelConfig={{ 'node.a11yDescription.keyboardDisabled': t.canvasLabel }}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <MiniMap pannable zoomable ariaLabel={t.minimap} />
        <Controls showInteractive={false} />
        <Panel position="top-left">
          <PaletteDock />
        </Panel>
      </ReactFlow>
    </div>
  );
}
