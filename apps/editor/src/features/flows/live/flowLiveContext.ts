import { createContext, useContext } from 'react';
import type { FlowActivity, StepActivity } from './flowActivityApi';

/** What the live overlay gives the step cards, the feed and the toolbar of a saved flow. */
export interface FlowLive {
  /** On when the flow is published and enabled: only then are counts fetched and shown. */
  active: boolean;
  published: boolean;
  enabled: boolean;
  setEnabled(enabled: boolean): void;
  switching: boolean;
  activity: FlowActivity | null;
  error: string | null;
  /** The latest outcome put in words, for the editor's aria-live region. */
  announcement: string;
  stepName(nodeId: string): string;
  /** Opens the list of a step's failed messages of the day. */
  showFailed(nodeId: string): void;
}

export const FlowLiveContext = createContext<FlowLive | null>(null);

/** The overlay of the saved flow around this component, or null (a new flow, a component test). */
export function useFlowLive(): FlowLive | null {
  return useContext(FlowLiveContext);
}

/** A step's counts of the day while the overlay is on, else null (the card then shows none). */
export function useStepActivity(nodeId: string): StepActivity | null {
  const live = useFlowLive();
  if (!live?.active || !live.activity) return null;
  return live.activity.nodes[nodeId] ?? { entered: 0, waiting: 0, sent: 0, skipped: 0, failed: 0 };
}
