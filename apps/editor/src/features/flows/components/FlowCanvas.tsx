import '@xyflow/react/dist/style.css';
import { nodeTypes as stepTypes, type Flow, type NodeType, type RulesProblem } from '@clinicflow/rules';
import { notifications } from '@mantine/notifications';
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  type Connection,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import { useFlowEditorActions } from '../hooks/useFlowEditorActions';
import { useStepNames } from '../hooks/useStepNames';
import type { StepDiagramNode, StepSize } from '../types/flowDiagram';
import { nextTabStop } from '../utils/canvasTabOrder';
import { connectSteps } from '../utils/connectSteps';
import { generateFlowDiagram } from '../utils/generateFlowDiagram';
import { nearestStepInDirection, type Direction } from '../utils/nearestStepInDirection';
import { ActivityLegend } from '../live/ActivityLegend';
import { ExitEdge } from './ExitEdge';
import { openExitNear } from '../utils/openExitNear';
import { PaletteDock, placeAtPoint, stepDragType } from './PaletteDock';
import { StepNode } from './StepNode';

// Defined once, outside any component, so React Flow never re-mounts the cards.
const nodeTypes: NodeTypes = Object.fromEntries(stepTypes.map((type) => [type, StepNode]));
const edgeTypes: EdgeTypes = { exit: ExitEdge };
/**
 * The smallest zoom: below it a card's 12 px summary is under 9 px on screen, too small to read. A big flow
 * is then panned (or found on the minimap) rather than shrunk.
 */
export const MIN_ZOOM = 0.75;
/**
 * Fitting the flow leaves room for what floats over the canvas: the palette (top left), the controls and the
 * minimap (bottom left); the cards are never drawn under them at first sight.
 */
const margins = { top: 24, right: 32, bottom: 120, left: 140 };
const fitOptions = {
  padding: { top: '24px', right: '32px', bottom: '120px', left: '140px' },
  minZoom: MIN_ZOOM,
  maxZoom: 1,
} as const;
const arrows: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/**
 * The flow drawn with React Flow: cards, typed exits, "+" on connections, minimap, controls, shortcuts and,
 * while the live overlay is on, the legend of the cards' counts.
 */
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
  const { fitView, screenToFlowPosition, setViewport, getNodesBounds, getInternalNode } = useReactFlow();
  const paneRef = useRef<HTMLDivElement>(null);
  const nodesInitialized = useNodesInitialized();
  const fittedRef = useRef(false);
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

  /**
   * Shows the whole flow when it fits at a readable zoom; a bigger one is shown from its start instead, at the
   * zoom floor: its top under the palette's row, centred on the trigger (fitting it would centre its middle,
   * leaving the first steps under the palette or off the canvas).
   */
  const fit = useCallback(
    (duration?: number) => {
      const pane = paneRef.current;
      const ids = flow.nodes.map((node) => node.id);
      if (!pane || ids.length === 0) return;
      const bounds = getNodesBounds(ids);
      const width = pane.clientWidth - margins.left - margins.right;
      const height = pane.clientHeight - margins.top - margins.bottom;
      if (Math.min(1, width / bounds.width, height / bounds.height) >= MIN_ZOOM) {
        void fitView({ duration, ...fitOptions });
        return;
      }
      const trigger = flow.nodes.find((node) => node.type === 'trigger');
      const start = trigger ? getInternalNode(trigger.id) : undefined;
      const centre = start
        ? start.internals.positionAbsolute.x + (start.measured.width ?? 0) / 2
        : bounds.x + bounds.width / 2;
      void setViewport(
        {
          x: margins.left + width / 2 - centre * MIN_ZOOM,
          y: margins.top - bounds.y * MIN_ZOOM,
          zoom: MIN_ZOOM,
        },
        { duration },
      );
    },
    [flow.nodes, fitView, getNodesBounds, getInternalNode, setViewport],
  );
  useEffect(() => {
    // the first view, once React Flow has measured the cards
    if (!nodesInitialized || fittedRef.current) return;
    fittedRef.current = true;
    fit();
  }, [nodesInitialized, fit]);
  useEffect(() => {
    if (layoutCount === 0) return;
    // a frame later: React Flow has then moved its nodes to the new layout, whose bounds `fit` reads
    const frame = requestAnimationFrame(() => fit(200));
    return () => cancelAnimationFrame(frame);
    // only a new layout re-fits (not every change of the flow, which `fit` follows)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layoutCount]);

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
    if (event.key === 'Tab' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // cards and "+" in the order the picture reads, not the page's (connections' "+" come first there)
      const root = element.closest<HTMLElement>('.react-flow');
      const stop = root ? nextTabStop(root, element, event.shiftKey) : null;
      if (stop) {
        stop.focus.focus();
        // past the last (before the first) stop, the browser's own Tab leaves the canvas from there
        if (!stop.leave) event.preventDefault();
      }
      return;
    }
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

  // A chip of the palette dropped on a connection, a "+" or an exit inserts its step there; on the empty
  // canvas, under the nearest free exit above the drop (a new flow's trigger); elsewhere, the canvas says where.
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes(stepDragType)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const type = event.dataTransfer.getData(stepDragType) as NodeType;
    if (!type) return;
    event.preventDefault();
    const place =
      placeAtPoint(event.clientX, event.clientY) ??
      openExitNear(flow, screenToFlowPosition({ x: event.clientX, y: event.clientY }), measured);
    if (place) actions.insert(place, type);
    else notifications.show({ color: 'orange', message: t.paletteDropOnEdge });
  };

  return (
    <div
      ref={paneRef}
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
        minZoom={MIN_ZOOM}
        aria-label={t.canvasLabel}
        ariaLabelConfig={{
          'node.a11yDescription.keyboardDisabled': t.canvasLabel,
          'node.a11yDescription.default': t.canvasStepDescription,
          'edge.a11yDescription.default': t.canvasLineDescription,
          'controls.ariaLabel': t.canvasControls,
          'controls.zoomIn.ariaLabel': t.canvasZoomIn,
          'controls.zoomOut.ariaLabel': t.canvasZoomOut,
          'controls.fitView.ariaLabel': t.canvasFitView,
        }}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        {/* beside the controls and small: out of the way of the last cards, which fitting keeps above it */}
        <MiniMap
          pannable
          zoomable
          ariaLabel={t.minimap}
          position="bottom-left"
          style={{ width: 150, height: 96, marginLeft: 56 }}
        />
        <Controls showInteractive={false} />
        <Panel position="bottom-right">
          <ActivityLegend />
        </Panel>
        <Panel position="top-left">
          <PaletteDock />
        </Panel>
      </ReactFlow>
    </div>
  );
}
