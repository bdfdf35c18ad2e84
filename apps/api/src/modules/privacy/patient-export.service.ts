import { Injectable } from '@nestjs/common';
import { ClockRepository } from '../../common/clock.repository';
import type { Principal } from '../../http/principal';
import { AppointmentService } from '../appointments/appointment.service';
import { AuditService } from '../audit/audit.service';
import { DeliveryPrivacyService } from '../deliveries/delivery-privacy.service';
import { PatientPrivacyService } from '../directory/patient-privacy.service';
import { ReplyPrivacyService } from '../replies/reply-privacy.service';
import { addressesOf } from './patient-erasure.service';
import { renderPatientExport } from './patient-export.html';

/** Everything the clinic holds about one patient (GDPR art. 15), as `GET /api/patients/:id/export` answers it. */
export type PatientExport = Awaited<ReturnType<PatientExportService['collect']>>;

/**
 * The subject access export: the patient with their consent history, their appointments, the messages sent to
 * them or about their appointments (texts included, while retention keeps them), their replies and the audit
 * entries about them. Each export is recorded in the audit trail.
 */
@Injectable()
export class PatientExportService {
  constructor(
    private readonly patients: PatientPrivacyService,
    private readonly appointments: AppointmentService,
    private readonly deliveries: DeliveryPrivacyService,
    private readonly replies: ReplyPrivacyService,
    private readonly audit: AuditService,
    private readonly clock: ClockRepository,
  ) {}

  /** The export as JSON, or as a readable HTML page; recorded as `patient.exported`. */
  async export(caller: Principal, patientId: string, format: 'json' | 'html') {
    const found = await this.collect(caller.clinicId, patientId);
    await this.audit.record(caller, {
      action: 'patient.exported',
      target: { type: 'patient', id: patientId, label: null },
      details: {
        format,
        appointments: found.appointments.length,
        deliveries: found.deliveries.length,
        replies: found.replies.length,
      },
    });
    return format === 'html' ? renderPatientExport(found) : found;
  }

  private async collect(clinicId: string, patientId: string) {
    const patient = await this.patients.get(clinicId, patientId);
    const appointments = await this.appointments.matching(clinicId, { patientId });
    const appointmentIds = appointments.map((a) => a._id);
    const addresses = addressesOf(patient);
    const deliveries = await this.deliveries.about(clinicId, { id: patientId, addresses }, appointmentIds);
    const replies = await this.replies.about(
      clinicId,
      { id: patientId, addresses },
      deliveries.map((d) => d._id),
      appointmentIds,
    );
    const {
      _id,
      clinicId: _clinic,
      searchText: _search,
      attendanceEvents: _counted,
      consentHistory,
      ...fields
    } = patient;
    return {
      exportedAt: this.clock.now(),
      patient: { id: _id, ...fields },
      consentHistory,
      appointments: appointments.map(({ _id: id, clinicId: _c, ...a }) => ({ id, ...a })),
      deliveries: deliveries.map((d) => ({
        id: d._id,
        createdAt: d.createdAt,
        sendAt: d.sendAt,
        sentAt: d.sentAt,
        deliveredAt: d.deliveredAt,
        channel: d.channel,
        purpose: d.purpose,
        status: d.status,
        appointmentId: d.appointmentId,
        recipient: d.recipient,
        from: d.from,
        subject: d.subject,
        text: d.text,
        reason: d.reason,
        contentRemovedAt: d.contentRemovedAt ?? null,
      })),
      replies: replies.map((r) => ({
        id: r._id,
        receivedAt: r.receivedAt,
        channel: r.channel,
        from: r.from,
        text: r.text,
        meaning: r.meaning,
        outcome: r.outcome,
        deliveryId: r.deliveryId,
      })),
      auditEntries: await this.audit.about(clinicId, { type: 'patient', id: patientId }),
    };
  }
}
