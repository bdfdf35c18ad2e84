import { createHash } from 'node:crypto';
import type { Reason, RunState, RunStep } from '@clinicflow/rules';
import type { ClinicDocument } from '../../tenancy/clinic-scoped.repository';

/** `starting` until its first evaluation is stored; `cancelled` when its appointment was moved or cancelled. */
export type RunStatus = 'starting' | 'waiting' | 'awaiting-reply' | 'ended' | 'cancelled';

/** Statuses of a run that may still do something (a reschedule or cancel ends them). */
export const activeRunStatuses: readonly RunStatus[] = ['starting', 'waiting', 'awaiting-reply'];

/**
 * One run of one published flow version for one trigger (docs/engine.md). `_id` is derived from the clinic,
 * the flow and the trigger key, so the same event never starts the same flow twice.
 */
export interface RunDocument extends ClinicDocument {
  flowId: string;
  /** The published version the run started with; it keeps it even when a newer version is published. */
  flowVersion: number;
  /** The stored event (`events._id`) that started it, its type and when it happened. */
  eventId: string;
  eventType: string;
  eventAt: Date;
  /** `minutes` of a `resource.delayed` event (the new time of the appointment). */
  eventMinutes: number | null;
  triggerKey: string;
  appointmentId: string | null;
  patientId: string | null;
  resourceId: string | null;
  status: RunStatus;
  nodeId: string | null;
  /** How many times it advanced; `run_advances` `<_id>#<seq>` decides who moves it from `seq`. */
  seq: number;
  /** The rules library's state of the run (null before its first evaluation). */
  state: RunState | null;
  steps: RunStep[];
  timerAt: Date | null;
  endedReason: string | null;
  /** Why it ended, as a code the editor words (absent in runs stored before codes). */
  endedWhy?: Reason | null;
  /** The clinic-local day it started (YYYY-MM-DD), for the run history. */
  localDay: string;
  createdAt: Date;
  updatedAt: Date;
}

/** `run_<sha(clinic, flow, trigger key)>`: the deterministic id of docs/engine.md. */
export function runIdFor(clinicId: string, flowId: string, triggerKey: string): string {
  const hash = createHash('sha256').update(`${clinicId}\u0000${flowId}\u0000${triggerKey}`).digest('hex');
  return `run_${hash.slice(0, 32)}`;
}
