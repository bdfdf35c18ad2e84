import type { NodeType } from '@clinicflow/rules';
import { createContext } from 'react';
import type { InsertPlace, StepSize } from '../types/flowDiagram';

/** What the canvas, the outline and the inspector can do to the flow. Stable for the editor's lifetime. */
export interface FlowEditorActions {
  insert(place: InsertPlace, type: NodeType): void;
  remove(stepId: string, keepExit?: string): void;
  connect(source: string, exit: string, target: string): void;
  updateData(stepId: string, data: unknown, mergeKey?: string): void;
  move(positions: Record<string, { x: number; y: number }>): void;
  rename(name: string): void;
  select(stepIds: string[]): void;
  copy(): void;
  paste(): void;
  undo(): void;
  redo(): void;
  tidy(): void;
  cancelRemove(): void;
  measure(sizes: Record<string, StepSize>): void;
  announce(message: string): void;
}

/** The editor's actions, given to the step cards and edges without putting callbacks in node data. */
export const FlowEditorContext = createContext<FlowEditorActions | null>(null);
