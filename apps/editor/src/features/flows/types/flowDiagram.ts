import type { Flow, FlowNode, NodeType } from '@clinicflow/rules';
import type { Edge, Node } from '@xyflow/react';

/** The data of a step card: the flow node itself, its one-line summary, its problems and warnings. Plain data only. */
export type StepNodeData<T extends NodeType = NodeType> = {
  step: Extract<FlowNode, { type: T }>;
  summary: string;
  problems: readonly string[];
  /** What is worth checking but does not block publishing (the validator's warnings). */
  warnings: readonly string[];
  /** Exits with no connection yet (each gets a "+" under its handle). */
  openExits: readonly string[];
};

/** A React Flow node of the canvas: its `type` is the step type, so the data union is keyed on it. */
export type StepDiagramNode = { [T in NodeType]: Node<StepNodeData<T>, T> }[NodeType];

/** The data of a connection: the typed exit it leaves from. */
export type ExitEdgeData = { exit: string };

/** A React Flow edge of the canvas. */
export type ExitDiagramEdge = Edge<ExitEdgeData, 'exit'>;

/** What the canvas draws. */
export interface FlowDiagram {
  nodes: StepDiagramNode[];
  edges: ExitDiagramEdge[];
}

/** Where a new step goes: on an existing connection, or on an exit that leads nowhere yet. */
export type InsertPlace = { kind: 'edge'; edgeId: string } | { kind: 'exit'; nodeId: string; exit: string };

/** Steps copied to the clipboard, with the connections between them. */
export interface FlowClipboard {
  nodes: Flow['nodes'];
  edges: Flow['edges'];
}

/** The size of a step card as React Flow measured it. */
export type StepSize = { width: number; height: number };
