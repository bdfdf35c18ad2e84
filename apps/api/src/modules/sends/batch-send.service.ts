import { Injectable } from '@nestjs/common';
import { oneMessagePerPhone } from '@clinicflow/channels';
import { templateData } from '@clinicflow/rules';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import { newId } from '../../common/ids';
import type { Principal } from '../../http/principal';
import { AppointmentService } from '../appointments/appointment.service';
import { DeliveryPlanningService } from '../deliveries/delivery-planning.service';
import { DeliveryStatsRepository } from '../deliveries/delivery-stats.repository';
import { PatientService } from '../directory/patient.service';
import { EvaluationContextService } from '../runs/evaluation-context.service';
import type { SettingsDocument } from '../settings/settings.repository';
import { SettingsService } from '../settings/settings.service';
import { TemplateService } from '../templates/template.service';
import { BatchSendDocument, BatchSendRepository } from './batch-send.repository';
import { messageTemplateOf, patientAddress, patientName, sendTemplateProblems } from './send-address';
import type { BatchQuery, BatchSend } from './send.dto';

/** One recipient of a batch preview: an appointment and its patient; `problem` when it cannot be sent. */
export interface BatchRow {
  id: string;
  appointmentId: string;
  start: Date | null;
  patient: { id: string; name: string } | null;
  language: string | null;
  address: string | null;
  serviceId: string | null;
  resourceId: string | null;
  alreadySent: boolean;
  problem: string | null;
}

/** Deliveries planned at the same time for a batch (each reads its context, then inserts). */
const PLAN_CONCURRENCY = 8;

/** F11: recipients picked by a query, previewed, trimmed by hand, one message per phone, then sent. */
@Injectable()
export class BatchSendService {
  constructor(
    private readonly settings: SettingsService,
    private readonly appointments: AppointmentService,
    private readonly patients: PatientService,
    private readonly batches: BatchSendRepository,
    private readonly progress: DeliveryStatsRepository,
    private readonly contexts: EvaluationContextService,
    private readonly planning: DeliveryPlanningService,
    private readonly templates: TemplateService,
    private readonly clock: ClockRepository,
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
    const problems = sendTemplateProblems(request.template, true);
    if (request.template.templateId && !(await this.templates.find(clinicId, request.template.templateId))) {
      problems.push({ path: 'body.template.templateId', message: 'no such template in this clinic' });
    }
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
    await this.planAll(batch, kept, request, settings, sendAt, now);
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
          { nextAppointment: false },
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
            templateData: built ? templateData(built.context, now.toISOString()) : {},
            by: batch.createdBy,
          },
          now,
        );
      }
    };
    await Promise.all(Array.from({ length: PLAN_CONCURRENCY }, worker));
  }

  /** The appointments of the query with their patients, in start order. */
  private async rows(clinicId: string, query: BatchQuery): Promise<BatchRow[]> {
    const appointments = await this.appointments.matching(clinicId, {
      fromDay: query.from,
      toDay: query.to,
      statuses: query.appointmentStatuses,
      resourceId: query.resourceId,
      serviceId: query.serviceId,
    });
    const patientIds = appointments.map((a) => a.patientId).filter((id): id is string => !!id);
    const patients = new Map((await this.patients.findByIds(clinicId, patientIds)).map((p) => [p._id, p]));
    const sent = await this.progress.appointmentsWithSent(
      clinicId,
      appointments.map((a) => a._id),
      query.channel,
    );
    const rows: BatchRow[] = [];
    for (const appointment of appointments) {
      const patient = appointment.patientId ? patients.get(appointment.patientId) : undefined;
      if (query.insurer && (!patient || !sameText(patient.insurer, query.insurer))) continue;
      const alreadySent = sent.has(appointment._id);
      if (query.sent === 'sent' && !alreadySent) continue;
      if (query.sent === 'not-sent' && alreadySent) continue;
      const address = patient ? patientAddress(query.channel, patient) : null;
      rows.push({
        id: appointment._id,
        appointmentId: appointment._id,
        start: appointment.start,
        patient: patient ? { id: patient._id, name: patientName(patient) } : null,
        language: patient?.language ?? null,
        address: address?.ok ? address.address : null,
        serviceId: appointment.serviceId,
        resourceId: appointment.resourceId,
        alreadySent,
        problem: !address ? 'The appointment has no patient.' : address.ok ? null : address.reason,
      });
    }
    return rows;
  }
}

function sameText(value: unknown, wanted: string): boolean {
  return typeof value === 'string' && value.trim().toLowerCase() === wanted.toLowerCase();
}
