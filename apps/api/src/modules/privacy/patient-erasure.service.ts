import { Injectable } from '@nestjs/common';
import { ClockRepository } from '../../common/clock.repository';
import type { Principal } from '../../http/principal';
import { AppointmentService } from '../appointments/appointment.service';
import { AuditService } from '../audit/audit.service';
import { DeliveryPrivacyService } from '../deliveries/delivery-privacy.service';
import type { PatientDocument } from '../directory/directory.repository';
import { PatientPrivacyService } from '../directory/patient-privacy.service';
import { SandboxPrivacyService } from '../dispatcher/sandbox-privacy.service';
import { ReplyPrivacyService } from '../replies/reply-privacy.service';
import { RunPrivacyService } from '../runs/run-privacy.service';

/** What an erasure removed, by collection: counts only (the audit entry carries the same). */
export interface ErasureReport {
  patientId: string;
  appointments: number;
  events: number;
  runs: number;
  deliveries: number;
  cancelled: number;
  replies: number;
  sandboxMessages: number;
}

/**
 * Erasure of one patient (GDPR art. 17; docs/privacy.md): each owner removes or empties what it holds about
 * them. Order matters: the runs go first (nothing plans a new message), then the waiting messages are
 * cancelled and every message emptied, then replies, the sandbox's copies, the appointments with their events,
 * and the patient last, so that an erasure interrupted half-way can be asked again and finishes.
 */
@Injectable()
export class PatientErasureService {
  constructor(
    private readonly patients: PatientPrivacyService,
    private readonly appointments: AppointmentService,
    private readonly runs: RunPrivacyService,
    private readonly deliveries: DeliveryPrivacyService,
    private readonly replies: ReplyPrivacyService,
    private readonly sandbox: SandboxPrivacyService,
    private readonly audit: AuditService,
    private readonly clock: ClockRepository,
  ) {}

  async erase(caller: Principal, patientId: string): Promise<ErasureReport> {
    const { clinicId } = caller;
    const now = this.clock.now();
    const patient = await this.patients.get(clinicId, patientId);
    const appointmentIds = (await this.appointments.matching(clinicId, { patientId })).map((a) => a._id);
    const runs = await this.runs.eraseOfPatient(clinicId, patientId, appointmentIds);
    const by = caller.email ?? caller.kind;
    const addresses = addressesOf(patient);
    const deliveries = await this.deliveries.eraseForPatient(
      clinicId,
      { id: patientId, addresses },
      appointmentIds,
      by,
      now,
    );
    const replies = await this.replies.eraseOfPatient(
      clinicId,
      { id: patientId, addresses },
      deliveries.ids,
      appointmentIds,
    );
    const sandboxMessages = await this.sandbox.forgetMessages(deliveries.ids);
    const erased = await this.appointments.eraseOfPatient(clinicId, patientId);
    await this.patients.erase(patient, now);
    const report: ErasureReport = {
      patientId,
      appointments: erased.appointments,
      events: erased.events,
      runs,
      deliveries: deliveries.ids.length,
      cancelled: deliveries.cancelled,
      replies,
      sandboxMessages,
    };
    const { patientId: _id, ...counts } = report;
    await this.audit.record(caller, {
      action: 'patient.erased',
      target: { type: 'patient', id: patientId, label: null },
      details: counts,
    });
    return report;
  }
}

/** The addresses a patient's messages went to and their replies come from (a mobile kept as sent too). */
export function addressesOf(patient: PatientDocument): string[] {
  return [patient.mobile, patient.email, patient.mobileProblem?.raw].filter(
    (address): address is string => typeof address === 'string' && address.length > 0,
  );
}
