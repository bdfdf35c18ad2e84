import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { clinicDay } from '../../common/clinic-day';
import { ClockRepository } from '../../common/clock.repository';
import { DeliveryStatsRepository } from '../deliveries/delivery-stats.repository';
import { PatientService } from '../directory/patient.service';
import { FlowService } from '../flows/flow.service';
import { RunService } from '../runs/run.service';
import { SettingsService } from '../settings/settings.service';
import type { FlowActivity, FlowActivityQuery } from './flow-activity.dto';
import { patientInitials, summarizeFlowActivity } from './summarize-flow-activity';

/** What a flow's steps did on one clinic day: the editor's live overlay (the database is the truth). */
@Injectable()
export class FlowActivityService {
  constructor(
    private readonly flows: FlowService,
    private readonly runs: RunService,
    private readonly deliveries: DeliveryStatsRepository,
    private readonly settings: SettingsService,
    private readonly patients: PatientService,
    private readonly clock: ClockRepository,
  ) {}

  async activity(clinicId: string, flowId: string, query: FlowActivityQuery): Promise<FlowActivity> {
    const flow = await this.flows.get(clinicId, flowId);
    const zone = (await this.settings.find(clinicId))?.timeZone ?? 'UTC';
    const today = clinicDay(this.clock.now(), zone);
    const day = query.day ?? today;
    const start = DateTime.fromISO(day, { zone }).startOf('day');
    const [runs, deliveries] = await Promise.all([
      this.runs.activityOf(clinicId, flowId, start.toJSDate()),
      this.deliveries.ofFlowOnSendDay(clinicId, flowId, day),
    ]);
    // the feed tells the outcomes apart by the patients' initials (a corner of the canvas, not the report)
    const patientIds = [
      ...new Set([...runs, ...deliveries].flatMap((item) => (item.patientId ? [item.patientId] : []))),
    ];
    const patients = await this.patients.findByIds(clinicId, patientIds);
    const activity = summarizeFlowActivity({
      day,
      start: start.toJSDate(),
      end: start.plus({ days: 1 }).toJSDate(),
      isToday: day === today,
      nodeIds: flow.draft.nodes.map((node) => node.id),
      runs,
      deliveries,
      initials: new Map(patients.map((p) => [p._id, patientInitials(p.firstName, p.lastName)])),
    });
    return { ...activity, timeZone: zone };
  }
}
