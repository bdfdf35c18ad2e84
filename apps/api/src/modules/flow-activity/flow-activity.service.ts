import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { clinicDay } from '../../common/clinic-day';
import { ClockRepository } from '../../common/clock.repository';
import { FlowService } from '../flows/flow.service';
import { SettingsRepository } from '../settings/settings.repository';
import type { FlowActivity, FlowActivityQuery } from './flow-activity.dto';
import { FlowDeliveryActivityRepository, FlowRunActivityRepository } from './flow-activity.repository';
import { summarizeFlowActivity } from './summarize-flow-activity';

/** What a flow's steps did on one clinic day: the editor's live overlay (the database is the truth). */
@Injectable()
export class FlowActivityService {
  constructor(
    private readonly flows: FlowService,
    private readonly runs: FlowRunActivityRepository,
    private readonly deliveries: FlowDeliveryActivityRepository,
    private readonly settings: SettingsRepository,
    private readonly clock: ClockRepository,
  ) {}

  async activity(clinicId: string, flowId: string, query: FlowActivityQuery): Promise<FlowActivity> {
    const flow = await this.flows.get(clinicId, flowId);
    const zone = (await this.settings.findForClinic(clinicId))?.timeZone ?? 'UTC';
    const today = clinicDay(this.clock.now(), zone);
    const day = query.day ?? today;
    const start = DateTime.fromISO(day, { zone }).startOf('day');
    const [runs, deliveries] = await Promise.all([
      this.runs.touchedSinceOrWaiting(clinicId, flowId, start.toJSDate()),
      this.deliveries.ofSendDay(clinicId, flowId, day),
    ]);
    const activity = summarizeFlowActivity({
      day,
      start: start.toJSDate(),
      end: start.plus({ days: 1 }).toJSDate(),
      isToday: day === today,
      nodeIds: flow.draft.nodes.map((node) => node.id),
      runs,
      deliveries,
    });
    return { ...activity, timeZone: zone };
  }
}
