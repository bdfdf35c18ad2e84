import { Injectable } from '@nestjs/common';
import { oneMessagePerPhone } from '@clinicflow/channels';
import { AuditService, describeFilters } from '../audit/audit.service';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import { newId } from '../../common/ids';
import type { Principal } from '../../http/principal';
import { DeliveryPlanningService } from '../deliveries/delivery-planning.service';
import { DeliveryStatsRepository } from '../deliveries/delivery-stats.repository';
import { EvaluationContextService } from '../runs/evaluation-context.service';
import type { SettingsDocument } from '../settings/settings.repository';
import { SettingsService } from '../settings/settings.service';
import { TemplateService } from '../templates/template.service';
import { UserService } from '../users/user.service';
import { BatchRecipientsService, type BatchRow } from './batch-recipients.service';
import { BatchSendDocument, BatchSendRepository } from './batch-send.repository';
import {
  messageTemplateOf,
  savedTemplateProblems,
  sendTemplateData,
  sendTemplateProblems,
  sendTexts,
  showsNextAppointment,
} from './send-address';
import type { BatchQuery, BatchSend } from './send.dto';

/** What every message of a batch is written with besides its row: who sends it, and what its text needs read. */
interface MessageWriting {
  user: { name: string };
  nextAppointment: boolean;
}

/** Deliveries planned at the same time for a batch (each reads its context, then inserts). */
const PLAN_CONCURRENCY = 8;

/** F11: recipients picked by a query, previewed, trimmed by hand, one message per phone, then sent. */
@Injectable()
export class BatchSendService {
  constructor(
    private readonly settings: SettingsService,
    private readonly recipients: BatchRecipientsService,
    private readonly batches: BatchSendRepository,
    private readonly progress: DeliveryStatsRepository,
    private readonly contexts: EvaluationContextService,
    private readonly planning: DeliveryPlanningService,
    private readonly templates: TemplateService,
    private readonly users: UserService,
    private readonly clock: ClockRepository,
    private readonly audit: AuditService,
  ) {}

  async preview(clinicId: string, query: BatchQuery) {
    const rows = await this.rows(clinicId, query);
    return { items: rows, total: rows.length, sendable: rows.filter((r) => !r.problem).length };
  }

  async create(principal: Principal, request: BatchSend) {
    const clinicId = principal.clinicId;
    const now = this.clock.now();
    const sendAt = request.sendAt ? new Date(request.sendAt) : now;
    if (sendAt.getTime() < now.getTime() - 5 * 60_000) {
      throw AppError.invalid([{ path: 'body.sendAt', message: 'must not be in the past' }]);
    }
    // a batch of every patient (no appointment) shows what a one-off to a patient shows
    const subject = request.query.mode === 'patients' ? 'patient' : 'appointment';
    const problems = sendTemplateProblems(request.template, subject);
    const saved = request.template.templateId
      ? await this.templates.find(clinicId, request.template.templateId)
      : null;
    if (request.template.templateId && !saved) {
      problems.push({ path: 'body.template.templateId', message: 'no such template in this clinic' });
    }
    if (saved) problems.push(...savedTemplateProblems(saved, subject));
    if (problems.length > 0) throw AppError.invalid(problems);
    const settings = await this.settings.get(clinicId);
    const removed = new Set(request.removed);
    const leftOut: { id: string; reason: string }[] = [];
    const candidates: BatchRow[] = [];
    for (const row of await this.rows(clinicId, request.query)) {
      if (removed.has(row.id)) leftOut.push({ id: row.id, reason: 'Removed from the list by hand.' });
      else if (row.problem) leftOut.push({ id: row.id, reason: row.problem });
      else candidates.push(row);
    }
    const kept = request.onePerPhone
      ? this.onePerAddress(candidates, request.query.channel, settings, leftOut)
      : candidates;
    if (kept.length === 0) {
      throw AppError.invalid([{ path: 'body.query', message: 'no recipient is left to send to' }]);
    }
    const batch: BatchSendDocument = {
      _id: `bat_${newId()}`,
      clinicId,
      name: request.name ?? null,
      channel: request.query.channel,
      query: request.query,
      onePerPhone: request.onePerPhone,
      template: request.template,
      recipients: kept.length,
      leftOut,
      createdAt: now,
      createdBy: principal.email ?? 'staff',
    };
    await this.batches.add(batch);
    const user = principal.userId ? await this.users.find(clinicId, principal.userId) : null;
    const writing: MessageWriting = {
      user: { name: user?.name ?? batch.createdBy },
      nextAppointment: showsNextAppointment(sendTexts(request.template, saved)),
    };
    await this.planAll(batch, kept, request, settings, writing, sendAt, now);
    await this.audit.record(principal, {
      action: 'send.batch',
      target: { type: 'batch', id: batch._id, label: null },
      details: {
        channel: batch.channel,
        recipients: kept.length,
        leftOut: leftOut.length,
        scheduled: sendAt.getTime() > now.getTime(),
        filters: describeFilters(request.query as Record<string, unknown>),
      },
    });
    return this.view(batch);
  }

  async get(clinicId: string, id: string) {
    const batch = await this.batches.findById(clinicId, id);
    if (!batch) throw AppError.notFound(`No batch send ${id}`);
    return this.view(batch);
  }

  private async view(batch: BatchSendDocument) {
    const byStatus = await this.progress.batchProgress(batch.clinicId, batch._id);
    const { _id, clinicId: _clinicId, ...rest } = batch;
    return {
      id: _id,
      ...rest,
      progress: { total: Object.values(byStatus).reduce((sum, n) => sum + n, 0), byStatus },
    };
  }

  /** One row per phone number (E.164) or e-mail address: the first keeps it, the others are left out. */
  private onePerAddress(
    rows: BatchRow[],
    channel: BatchQuery['channel'],
    settings: SettingsDocument,
    leftOut: { id: string; reason: string }[],
  ): BatchRow[] {
    if (channel === 'email') {
      const seen = new Set<string>();
      return rows.filter((row) => {
        const address = row.address!.toLowerCase();
        if (!seen.has(address)) return seen.add(address);
        leftOut.push({ id: row.id, reason: `Same e-mail address (${address}) as another recipient.` });
        return false;
      });
    }
    const result = oneMessagePerPhone(rows, (row) => row.address!, settings.country);
    for (const left of result.left) leftOut.push({ id: left.recipient.id, reason: left.reason });
    return result.kept;
  }

  private async planAll(
    batch: BatchSendDocument,
    rows: BatchRow[],
    request: BatchSend,
    settings: SettingsDocument,
    writing: MessageWriting,
    sendAt: Date,
    now: Date,
  ) {
    let next = 0;
    const worker = async () => {
      while (next < rows.length) {
        const row = rows[next++];
        const language = request.language ?? row.language ?? settings.defaultLanguage;
        const built = await this.contexts.build(
          batch.clinicId,
          {
            event: { type: 'manual', at: now },
            appointmentId: row.appointmentId,
            patientId: row.patient?.id ?? null,
            resourceId: row.resourceId,
          },
          { nextAppointment: writing.nextAppointment },
          now,
          settings,
        );
        await this.planning.plan(
          batch.clinicId,
          [
            {
              key: `batch:${batch._id}:${row.id}`,
              channel: batch.channel,
              recipient: { type: 'patient', name: row.patient?.name ?? null, address: row.address },
              sendAt,
              template: messageTemplateOf(request.template, language),
              language,
              purpose: 'notice',
            },
          ],
          {
            timeZone: settings.timeZone,
            origin: 'batch',
            batchId: batch._id,
            appointmentId: row.appointmentId,
            patientId: row.patient?.id ?? null,
            serviceId: row.serviceId,
            resourceId: row.resourceId,
            templateData: sendTemplateData(built?.context ?? null, now, writing.user),
            by: batch.createdBy,
          },
          now,
        );
      }
    };
    await Promise.all(Array.from({ length: PLAN_CONCURRENCY }, worker));
  }

  /** The rows of the query (BatchRecipientsService): appointments in start order, or patients by name. */
  private rows(clinicId: string, query: BatchQuery): Promise<BatchRow[]> {
    return this.recipients.rows(clinicId, query);
  }
}
