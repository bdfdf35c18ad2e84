import type { EvaluationContext } from '../context/evaluation-context.schema';
import type {
  Channel,
  MessageTemplate,
  QuietHoursPolicy,
  RecipientType,
  Sender,
} from '../flow/flow-parts.schema';
import type { Flow } from '../flow/flow.schema';
import type { NodeType } from '../flow/flow-node.schema';
import type { RungGoal } from '../flow/reach-node.schema';
import type { MessagePurpose } from '../flow/send-node.schema';
import type { Reason } from './reason';
import type { SkipReasonCode } from './skip-reason-code';

/** Where a run is: waiting for a timer, waiting for a reply, or ended. All times are UTC ISO strings. */
export interface RunState {
  runId: string;
  status: 'waiting' | 'awaiting-reply' | 'ended';
  nodeId: string | null;
  at: string;
  timerAt: string | null;
  awaiting: { nodeId: string; deliveryKey: string; channel: Channel; until: string } | null;
  /**
   * The rung of a "Reach the patient" step being waited for (its message's key, and the status that reaches the
   * patient); absent or null otherwise (runs stored before the ladder have none).
   */
  ladder?: { nodeId: string; rung: number; deliveryKey: string; until: RungGoal } | null;
  /** A wait that was skipped: the messages after it are skipped too, with this reason (and its cause as a code). */
  suppressed: { nodeId: string; reason: string; why?: Reason | null } | null;
  guards: Array<{ nodeId: string; yes: boolean }>;
  quietHours: QuietHoursPolicy | null;
  endedReason: string | null;
  /** Why the run ended, as a code (absent in runs stored before reasons had codes). */
  endedWhy?: Reason | null;
}

/**
 * What woke the run: its start, a due timer (a wait or a reply timeout), a reply, or a question that failed to go
 * out. A reply's `meaning` is given when the patient answered on their page (a link's button, not words to read).
 */
export type RunSignal =
  | { kind: 'start' }
  | { kind: 'timer' }
  | { kind: 'reply'; text: string; meaning?: 'confirmed' | 'declined' }
  | { kind: 'delivery-failed'; reason: string }
  /** A rung's message moved on (docs/engine.md, "Reach the patient"): its status now, as its receipt said. */
  | { kind: 'delivery-status'; deliveryKey: string; status: 'delivered' | 'read' | 'answered' | 'failed' };

/** The evaluator's input: the flow version, the run (null to start one), the context, `now` and the signal. */
export interface EvaluationInput {
  flow: Flow;
  run: RunState | null;
  context: EvaluationContext;
  now: string;
  signal?: RunSignal;
  runId?: string;
}

/** A message to make: the API stores it under its idempotency key and sends it at `sendAt`, never after `expiresAt`. */
export interface PlannedDelivery {
  idempotencyKey: string;
  runId: string;
  nodeId: string;
  channel: Channel;
  recipient: { type: RecipientType; address: string | null; name: string | null };
  sendAt: string;
  expiresAt: string | null;
  template: MessageTemplate;
  language: string;
  sender: Sender | null;
  purpose: MessagePurpose | null;
  expectsReply: boolean;
  note: string | null;
  /** The note as a code (a message moved out of quiet hours), worded by the editor in the user's language. */
  noteWhy?: Reason | null;
  /** A rung of a "Reach the patient" step (1 = the first): its receipts are told to the run. */
  ladderRung?: number;
}

/** A timer to set: call the evaluator again with `{ kind: 'timer' }` at `at`. */
export interface RunTimer {
  runId: string;
  nodeId: string;
  at: string;
  purpose: 'wait' | 'reply-timeout' | 'rung-timeout';
}

/** A reply the run is waiting for, until `until`. */
export interface AwaitedReply {
  runId: string;
  nodeId: string;
  deliveryKey: string;
  channel: Channel;
  until: string;
}

/** A step that did not happen, and why. */
export interface SkippedStep {
  nodeId: string;
  at: string;
  code: SkipReasonCode;
  reason: string;
  why: Reason;
  /** A reminder merged into another one of the same day: that one's delivery id. */
  mergedInto?: string;
  /** A rung of a "reach the patient" step that could not go: its number (1 for the first). */
  rung?: number;
}

/** One step the run went through, in order, for the run history and the simulation timeline. */
export interface RunStep {
  at: string;
  nodeId: string;
  kind: NodeType | 'reply';
  outcome: 'passed' | 'planned' | 'skipped' | 'waiting' | 'ended';
  exit: string | null;
  reason: string | null;
  /** The reason as a code with its parameters (absent in steps stored before reasons had codes). */
  why?: Reason | null;
  delivery: PlannedDelivery | null;
}

/** Everything the evaluator decided; the API persists it, the simulator shows it. */
export interface EvaluationResult {
  run: RunState;
  deliveries: PlannedDelivery[];
  timers: RunTimer[];
  awaitedReplies: AwaitedReply[];
  skipped: SkippedStep[];
  steps: RunStep[];
  appointmentUpdates: Array<{
    appointmentId: string | null;
    confirmation: 'confirmed' | 'declined' | 'pending';
  }>;
  consentChanges: Array<{ patientId: string | null; channel: Channel; consent: false; reason: string }>;
  webhooks: Array<{ nodeId: string; url: string; idempotencyKey: string }>;
}

export type { EvaluationContext };
