import { Injectable, Logger } from '@nestjs/common';
import type { ManualRunAnswer, ManualRunRequest } from '@clinicflow/contract';
import { AppError, type AppProblem } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import { externalDocumentId } from '../../common/ids';
import type { Principal } from '../../http/principal';
import { PatientService } from '../directory/patient.service';
import { EventService } from '../events/event.service';
import { FlowService } from '../flows/flow.service';
import { EventEngineService } from './event-engine.service';
import { RunFlowsService } from './run-flows.service';
import { runIdFor } from './run.document';
import { RunRepository } from './run.repository';
import { loggedError } from '../../common/logged-error';

/**
 * The `manual` trigger (B1): staff run one flow for patients they choose. Each patient gets a `manual` event
 * naming the flow, recorded through the events' outbox and handed to the engine, which starts that flow only.
 * The event's id comes from the request id, the flow and the patient, so a request sent again starts nothing
 * twice; the answer reads each patient's run back.
 */
@Injectable()
export class ManualRunService {
  private readonly logger = new Logger(ManualRunService.name);

  constructor(
    private readonly flowService: FlowService,
    private readonly flows: RunFlowsService,
    private readonly patients: PatientService,
    private readonly events: EventService,
    private readonly engine: EventEngineService,
    private readonly runs: RunRepository,
    private readonly clock: ClockRepository,
  ) {}

  async run(principal: Principal, flowId: string, request: ManualRunRequest): Promise<ManualRunAnswer> {
    const { clinicId } = principal;
    const version = await this.runnableVersion(clinicId, flowId);
    const known = new Set(
      (await this.patients.findByIds(clinicId, request.patientIds)).map((patient) => patient._id),
    );
    const unknown = request.patientIds.flatMap((id, i): AppProblem[] =>
      known.has(id)
        ? []
        : [{ path: `body.patientIds.${i}`, message: 'no patient of the clinic has this id' }],
    );
    if (unknown.length > 0) throw AppError.invalid(unknown);

    const started: { patientId: string; runId: string; duplicate: boolean }[] = [];
    for (const patientId of request.patientIds) {
      const now = this.clock.now();
      const eventId = `manual:${request.requestId}:${flowId}:${patientId}`;
      const _id = externalDocumentId('evt', clinicId, eventId);
      const recorded = await this.events.record(clinicId, {
        _id,
        eventId,
        type: 'manual',
        flowId,
        occurredAt: now,
        receivedAt: now,
        payload: {
          id: eventId,
          type: 'manual',
          occurredAt: now.toISOString(),
          requestId: request.requestId,
          by: principal.email ?? 'system',
        },
        appointmentId: null,
        patientId,
        resourceId: null,
        engine: { status: 'pending', applied: true },
      });
      if (recorded === 'recorded') await this.process(clinicId, _id);
      started.push({
        patientId,
        runId: runIdFor(clinicId, flowId, _id),
        duplicate: recorded === 'duplicate',
      });
    }
    const runs = new Map(
      (
        await this.runs.findByIds(
          clinicId,
          started.map((s) => s.runId),
        )
      ).map((run) => [run._id, run]),
    );
    return {
      flowId,
      version,
      runs: started.map(({ patientId, runId, duplicate }) => {
        const run = runs.get(runId);
        return { patientId, runId: run ? runId : null, status: run?.status ?? null, duplicate };
      }),
    };
  }

  /** The version a manual run starts: the flow's latest, published, enabled and triggered by "manual". */
  private async runnableVersion(clinicId: string, flowId: string): Promise<number> {
    const flow = await this.flowService.get(clinicId, flowId);
    const refuse = (path: string, message: string) =>
      AppError.invalid([{ path, message }], 'This flow cannot be run by hand');
    if (flow.latestVersion === null) throw refuse('flow.latestVersion', 'the flow has no published version');
    if (!flow.enabled) throw refuse('flow.enabled', 'the flow is switched off: enable it first');
    const runnable = await this.flows.version(clinicId, flowId, flow.latestVersion);
    if (!runnable?.trigger.data.events.includes('manual')) {
      throw refuse('flow.trigger', `version ${flow.latestVersion} does not start on "manual"`);
    }
    return flow.latestVersion;
  }

  /** Starts the patient's run; one that fails stays in the events' outbox and the sweep starts it. */
  private async process(clinicId: string, eventDocId: string): Promise<void> {
    try {
      await this.engine.process(clinicId, eventDocId);
    } catch (error) {
      this.logger.error(`Event ${eventDocId} not yet turned into runs: ${loggedError(error)}`);
    }
  }
}
