import type { Reason, RunStep } from '@clinicflow/rules';
import type { RunListed } from './run.repository';
import type { RunDocument } from './run.document';

/** What a run was ended by when an engine error stopped it (runs stored before reason codes said it in words). */
export function endedByEngineError(run: Pick<RunDocument, 'status' | 'endedReason' | 'endedWhy'>): boolean {
  if (run.status !== 'ended') return false;
  return run.endedWhy
    ? run.endedWhy.code === 'engine-error'
    : (run.endedReason ?? '').startsWith('engine error:');
}

/** One decision of a run as the explorer and the report's drawer show it: never the message's template or data. */
export function toRunStepView(step: RunStep) {
  return {
    at: step.at,
    nodeId: step.nodeId,
    kind: step.kind,
    outcome: step.outcome,
    exit: step.exit,
    reason: step.reason,
    why: (step.why as Reason | null | undefined) ?? null,
    message: step.delivery ? { channel: step.delivery.channel, sendAt: step.delivery.sendAt } : null,
  };
}

/** A run as the explorer lists it; `retryFrom` is the step an engine error stopped it at (null otherwise). */
export function toRunSummary(
  run: RunListed,
  facts: { flowName: string | null; appointmentStart: Date | null; triggerId: string | null },
) {
  const retryable = endedByEngineError(run);
  return {
    id: run._id,
    flowId: run.flowId,
    flowName: facts.flowName,
    flowVersion: run.flowVersion,
    eventType: run.eventType,
    eventAt: run.eventAt.toISOString(),
    status: run.status,
    nodeId: run.nodeId,
    appointmentId: run.appointmentId,
    appointmentStart: facts.appointmentStart?.toISOString() ?? null,
    patientId: run.patientId,
    endedReason: run.endedReason ?? null,
    endedWhy: run.endedWhy ?? null,
    // the failed move started from where the run stood: its waiting step, or its trigger for a failed start
    retryFrom: retryable ? (run.state?.nodeId ?? facts.triggerId) : null,
    createdAt: run.createdAt.toISOString(),
    updatedAt: run.updatedAt.toISOString(),
  };
}
