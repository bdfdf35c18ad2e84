import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import { AppointmentService } from '../appointments/appointment.service';
import { PatientService } from '../directory/patient.service';
import { FlowService } from '../flows/flow.service';
import { EventEngineService } from './event-engine.service';
import { RunAdvanceService } from './run-advance.service';
import { RunFlowsService } from './run-flows.service';
import { RunRepository, type RunListed } from './run.repository';
import type { RunDocument } from './run.document';
import { endedByEngineError, toRunStepView, toRunSummary } from './run-view';

/** What the explorer searches by: a patient, an appointment or a flow (at least one), and the page. */
export interface RunSearch {
  patientId?: string;
  appointmentId?: string;
  flowId?: string;
  page: number;
  pageSize: number;
}

/**
 * The run explorer (issue 15): a patient's, an appointment's or a flow's runs, one run with every decision, and
 * "retry from this step" for a run an engine error ended, done as a move of the run (docs/engine.md, "Retry").
 */
@Injectable()
export class RunExplorerService {
  constructor(
    private readonly runs: RunRepository,
    private readonly advances: RunAdvanceService,
    private readonly engine: EventEngineService,
    private readonly runFlows: RunFlowsService,
    private readonly flows: FlowService,
    private readonly appointments: AppointmentService,
    private readonly patients: PatientService,
    private readonly clock: ClockRepository,
  ) {}

  async search(clinicId: string, query: RunSearch) {
    const { patientId, appointmentId, flowId } = query;
    if (!patientId && !appointmentId && !flowId) {
      throw AppError.invalid([
        { path: 'query.patientId', message: 'give a patient, an appointment or a flow to look for its runs' },
      ]);
    }
    const page = await this.runs.pageAbout(clinicId, { patientId, appointmentId, flowId }, query);
    return { ...page, items: await this.summaries(clinicId, page.items) };
  }

  /** One run with every decision it made, its flow's and its patient's names. */
  async get(clinicId: string, id: string) {
    const run = await this.runs.findById(clinicId, id);
    if (!run) throw AppError.notFound(`No run ${id}`);
    return this.detail(run);
  }

  /**
   * Retries a run an engine error ended, from the step it stopped at (409 for any other run, or while a retry
   * of it is under way); answers the run as the retry left it.
   */
  async retry(clinicId: string, id: string) {
    const run = await this.runs.findById(clinicId, id);
    if (!run) throw AppError.notFound(`No run ${id}`);
    if (!endedByEngineError(run)) {
      throw AppError.conflict('Only a run an engine error ended can be retried', [
        {
          path: 'run.status',
          message: `this run is ${run.status}${run.endedReason ? `: ${run.endedReason}` : ''}`,
        },
      ]);
    }
    const moved = await this.advances.retry(run, this.clock.now());
    if (!moved) {
      throw AppError.conflict('This run is already being retried', [
        { path: 'run.seq', message: 'another retry of this run is under way' },
      ]);
    }
    await this.engine.processRaised(clinicId, moved.raised);
    return this.detail(moved.run);
  }

  private async detail(run: RunDocument) {
    const [summary] = await this.summaries(run.clinicId, [run]);
    const patient = run.patientId ? await this.patients.find(run.clinicId, run.patientId) : null;
    return {
      ...summary,
      patientName: patient ? [patient.firstName, patient.lastName].filter(Boolean).join(' ') || null : null,
      steps: (run.steps ?? []).map(toRunStepView),
    };
  }

  private async summaries(clinicId: string, runs: RunListed[]) {
    const names = runs.length ? await this.flows.names(clinicId) : new Map<string, string>();
    const appointmentIds = [...new Set(runs.map((r) => r.appointmentId).filter((a): a is string => !!a))];
    const starts = new Map(
      (await this.appointments.findByIds(clinicId, appointmentIds)).map((a) => [a._id, a.start]),
    );
    return Promise.all(
      runs.map(async (run) => {
        // the trigger is only needed to say where a failed start is retried from (rare): read only then
        const version = endedByEngineError(run)
          ? await this.runFlows.version(clinicId, run.flowId, run.flowVersion)
          : null;
        return toRunSummary(run, {
          flowName: names.get(run.flowId) ?? null,
          appointmentStart: run.appointmentId ? (starts.get(run.appointmentId) ?? null) : null,
          triggerId: version?.trigger.id ?? null,
        });
      }),
    );
  }
}
