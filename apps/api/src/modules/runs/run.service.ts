import { Injectable } from '@nestjs/common';
import type { Reason, RunSignal } from '@clinicflow/rules';
import { EventEngineService } from './event-engine.service';
import { RunAdvanceService } from './run-advance.service';
import type { RunDocument } from './run.document';
import { RunRepository, type RunActivity } from './run.repository';

/**
 * Runs as the other modules meet them: a reply or a failed question moves a run on (and what that raises,
 * an appointment confirmed, starts its flows), and runs are read for the report and the live overlay.
 */
@Injectable()
export class RunService {
  constructor(
    private readonly runs: RunRepository,
    private readonly advances: RunAdvanceService,
    private readonly engine: EventEngineService,
  ) {}

  /** A reply or a failed question for a run (replies and the dispatcher call this). */
  async signal(clinicId: string, runId: string, signal: RunSignal): Promise<void> {
    const raised = await this.advances.signal(clinicId, runId, signal);
    await this.engine.processRaised(clinicId, raised);
  }

  /**
   * The patient declined the appointment (F4): its other active runs end, so none of their steps still to come
   * happens (a second reminder not yet planned, say); the run of the answered question goes on.
   */
  endOthersOfAppointment(
    clinicId: string,
    appointmentId: string,
    questionRunId: string | null,
    reason: string | { reason: string; why: Reason },
    now: Date,
  ): Promise<string[]> {
    return this.advances.endRunsOfAppointment(
      clinicId,
      appointmentId,
      (run) => run._id === questionRunId,
      reason,
      now,
    );
  }

  /** A run of the clinic, or null when it has none of that id. */
  find(clinicId: string, id: string): Promise<RunDocument | null> {
    return this.runs.findById(clinicId, id);
  }

  /** Whether a run still waits for the answer to the question its step `nodeId` asked (a late reply does not reopen it). */
  async awaitsReply(clinicId: string, runId: string, nodeId: string | null): Promise<boolean> {
    const run = await this.runs.findById(clinicId, runId);
    return run?.status === 'awaiting-reply' && run.nodeId === nodeId;
  }

  /** One flow's runs touched since `since` or still waiting (the live overlay). */
  activityOf(clinicId: string, flowId: string, since: Date): Promise<RunActivity[]> {
    return this.runs.activityOf(clinicId, flowId, since);
  }
}
