import type { RulesProblem } from '../errors/rules-error';
import type { Channel, RecipientType } from '../flow/flow-parts.schema';
import type { PlannedDelivery, RunState } from '../evaluation/evaluation.types';
import type { Reason } from '../evaluation/reason';

/** One line of the simulation timeline (api.md): UTC and clinic-local time, step, kind, planned or skipped, why. */
export interface TimelineEntry {
  at: string;
  local: string;
  nodeId: string;
  kind: 'trigger' | 'condition' | 'wait' | 'send' | 'reply' | 'skip' | 'end';
  channel: Channel | null;
  recipient: RecipientType | null;
  status: 'planned' | 'skipped';
  text: string | null;
  reason: string | null;
  flowId: string | null;
  subject?: string | null;
  exit?: string | null;
  expiresAt?: string | null;
  /** `reason` as a code with its parameters, for the editor to word in the user's language. */
  why?: Reason | null;
  /** What the steps right after it did (an appointment marked confirmed, a webhook posted), as codes. */
  also?: Reason[];
}

/** The simulation's answer: valid or not, the problems, the timeline, and the deliveries that would be made. */
export interface SimulationResult {
  valid: boolean;
  errors: RulesProblem[];
  timeline: TimelineEntry[];
  deliveries: PlannedDelivery[];
  runs: RunState[];
}
