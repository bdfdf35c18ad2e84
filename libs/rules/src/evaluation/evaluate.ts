import { RulesError } from '../errors/rules-error';
import { RulesErrorCode } from '../errors/rules-error-code';
import { instantMillis, utcIsoOf } from '../time/clinic-time';
import { questionFailed, reply } from './ask-step';
import type { EvaluationInput, EvaluationResult, RunState } from './evaluation.types';
import { Evaluation } from './evaluation';
import { indexFlow } from './flow-index';
import { deliveryStatus } from './reach-step';
import { triggerMismatch } from './trigger-mismatch';

/** The state of a run that has just started. */
function freshRun(runId: string, at: string): RunState {
  return {
    runId,
    status: 'ended',
    nodeId: null,
    at,
    timerAt: null,
    awaiting: null,
    suppressed: null,
    guards: [],
    quietHours: null,
    endedReason: null,
    endedWhy: null,
  };
}

/**
 * Evaluates a run: starts it from the trigger, or resumes it on a due timer or a reply, and returns the deliveries to
 * make, the timers to set, the replies awaited, the new run state and every skipped step with its reason. Pure.
 */
export function evaluate(input: EvaluationInput): EvaluationResult {
  const index = indexFlow(input.flow);
  const zone = input.context.clinic.timeZone;
  const now = instantMillis(input.now, zone);
  const signal = input.signal ?? (input.run ? { kind: 'timer' } : { kind: 'start' });
  if (signal.kind === 'start' || !input.run) {
    const ctx = input.context;
    const runId =
      input.runId ??
      `${input.flow.id ?? input.flow.name}:${ctx.appointment?.id ?? ctx.patient.id ?? 'patient'}:${ctx.event.type}:${ctx.event.at}`;
    const evaluation = new Evaluation(input, index, now, freshRun(runId, utcIsoOf(now)));
    const trigger = index.trigger;
    if (!trigger)
      throw new RulesError(RulesErrorCode.InvalidFlow, [
        { nodeId: null, path: 'nodes', message: 'The flow has no trigger' },
      ]);
    const mismatch = triggerMismatch(trigger.data, ctx);
    if (mismatch) {
      evaluation.skip(trigger.id, 'trigger', mismatch.code, mismatch.reason, mismatch.why);
      evaluation.end(trigger.id, mismatch.reason, mismatch.why);
    } else {
      evaluation.walk(trigger.id);
    }
    return evaluation.result;
  }
  const evaluation = new Evaluation(input, index, now, input.run);
  if (input.run.status === 'ended') return evaluation.result;
  if (signal.kind === 'reply') {
    reply(evaluation, signal.text, signal.meaning);
  } else if (signal.kind === 'delivery-failed') {
    questionFailed(evaluation, signal.reason);
  } else if (signal.kind === 'delivery-status') {
    deliveryStatus(evaluation, signal.deliveryKey, signal.status);
  } else if (input.run.timerAt && instantMillis(input.run.timerAt, zone) <= now) {
    evaluation.resume();
  }
  return evaluation.result;
}
