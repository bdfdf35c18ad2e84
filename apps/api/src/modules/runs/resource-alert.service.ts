import { Injectable, Logger } from '@nestjs/common';
import type { ResourceAbsence, ResourceAlertAnswer, ResourceDelay } from '@clinicflow/contract';
import { AppError } from '../../common/app-error';
import { clinicDay } from '../../common/clinic-day';
import { ClockRepository } from '../../common/clock.repository';
import { externalDocumentId } from '../../common/ids';
import { DirectoryService } from '../directory/directory.service';
import type { EventDocument } from '../events/event.repository';
import { EventService } from '../events/event.service';
import { SettingsService } from '../settings/settings.service';
import { EventEngineService } from './event-engine.service';
import { RunFlowsService } from './run-flows.service';
import { loggedError } from '../../common/logged-error';

type AlertType = 'resource.delayed' | 'resource.absent';

/**
 * F9 from the editor: staff say a practitioner is running late (today) or absent (on a range of days). Each is
 * recorded as a `resource.delayed` / `resource.absent` event through the events' outbox, as a PMS's would be, and
 * handed to the engine at once: the flows that start on it tell every patient of the practitioner still to come
 * in its period. The request id makes the event's id, so the same request tells the patients once.
 */
@Injectable()
export class ResourceAlertService {
  private readonly logger = new Logger(ResourceAlertService.name);

  constructor(
    private readonly events: EventService,
    private readonly directory: DirectoryService,
    private readonly settings: SettingsService,
    private readonly flows: RunFlowsService,
    private readonly engine: EventEngineService,
    private readonly clock: ClockRepository,
  ) {}

  /** The practitioner is `minutes` late: their patients still to come today are told. */
  delay(clinicId: string, resourceId: string, request: ResourceDelay): Promise<ResourceAlertAnswer> {
    return this.raise(clinicId, resourceId, 'resource.delayed', request.requestId, {
      minutes: request.minutes,
    });
  }

  /** The practitioner is absent from `absence.from` to `absence.to`: the patients of each of those days are told. */
  async absence(
    clinicId: string,
    resourceId: string,
    request: ResourceAbsence,
  ): Promise<ResourceAlertAnswer> {
    const settings = await this.settings.get(clinicId);
    const today = clinicDay(this.clock.now(), settings.timeZone);
    if (request.absence.to < today) {
      throw AppError.invalid([
        { path: 'body.absence.to', message: `the absence is over: it must not end before today (${today})` },
      ]);
    }
    return this.raise(clinicId, resourceId, 'resource.absent', request.requestId, {
      absence: request.absence,
    });
  }

  private async raise(
    clinicId: string,
    resourceId: string,
    type: AlertType,
    requestId: string,
    details: Pick<EventDocument['payload'], 'minutes' | 'absence'>,
  ): Promise<ResourceAlertAnswer> {
    if (!(await this.directory.findById('resources', clinicId, resourceId))) {
      throw AppError.notFound(`No resource ${resourceId}`);
    }
    const now = this.clock.now();
    const eventId = `staff:${requestId}:${type}:${resourceId}`;
    const _id = externalDocumentId('evt', clinicId, eventId);
    const recorded = await this.events.record(clinicId, {
      _id,
      eventId,
      type,
      occurredAt: now,
      receivedAt: now,
      payload: { id: eventId, type, occurredAt: now.toISOString(), ...details },
      appointmentId: null,
      patientId: null,
      resourceId,
      // nothing to write to an appointment or a patient: the engine only has to start the runs
      engine: { status: 'pending', applied: true },
    });
    if (recorded === 'duplicate') {
      const flows = (await this.flows.startingOn(clinicId, type)).length;
      return { accepted: true, duplicate: true, flows, appointments: null };
    }
    try {
      const processed = await this.engine.process(clinicId, _id);
      const appointments = new Set(processed.runs.map((run) => run.appointmentId)).size;
      return { accepted: true, duplicate: false, flows: processed.flows, appointments };
    } catch (error) {
      // recorded and pending: the engine's sweep starts the runs
      this.logger.error(`Event ${_id} not yet turned into runs: ${loggedError(error)}`);
      const flows = (await this.flows.startingOn(clinicId, type)).length;
      return { accepted: true, duplicate: false, flows, appointments: null };
    }
  }
}
