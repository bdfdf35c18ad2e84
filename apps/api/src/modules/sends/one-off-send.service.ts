import { Injectable } from '@nestjs/common';
import { ClockRepository } from '../../common/clock.repository';
import { newId } from '../../common/ids';
import { AppError } from '../../common/app-error';
import type { Principal } from '../../http/principal';
import { AuditService } from '../audit/audit.service';
import { DeliveryPlanningService } from '../deliveries/delivery-planning.service';
import { toDeliveryDetail } from '../deliveries/delivery-view';
import { PatientService } from '../directory/patient.service';
import { EvaluationContextService } from '../runs/evaluation-context.service';
import { SettingsService } from '../settings/settings.service';
import { TemplateService } from '../templates/template.service';
import { UserService } from '../users/user.service';
import {
  addressFor,
  messageTemplateOf,
  patientAddress,
  patientName,
  savedTemplateProblems,
  sendTemplateData,
  sendTemplateProblems,
  sendTexts,
  showsNextAppointment,
} from './send-address';
import type { OneOffSend } from './send.dto';

/** How far in the past a send time may be (a clock a little behind): later than that is a mistake. */
const PAST_TOLERANCE_MS = 5 * 60_000;

/** F12: a one-off message to a patient or to any number or address, now or at a chosen time. */
@Injectable()
export class OneOffSendService {
  constructor(
    private readonly settings: SettingsService,
    private readonly patients: PatientService,
    private readonly contexts: EvaluationContextService,
    private readonly planning: DeliveryPlanningService,
    private readonly templates: TemplateService,
    private readonly users: UserService,
    private readonly clock: ClockRepository,
    private readonly audit: AuditService,
  ) {}

  async send(principal: Principal, send: OneOffSend) {
    const clinicId = principal.clinicId;
    const now = this.clock.now();
    const settings = await this.settings.get(clinicId);
    const sendAt = send.sendAt ? new Date(send.sendAt) : now;
    if (sendAt.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
      throw AppError.invalid([{ path: 'body.sendAt', message: 'must not be in the past' }]);
    }
    const subject = send.patientId !== undefined ? 'patient' : 'nobody';
    const problems = sendTemplateProblems(send.template, subject);
    const saved = send.template.templateId
      ? await this.templates.find(clinicId, send.template.templateId)
      : null;
    if (send.template.templateId && !saved) {
      problems.push({ path: 'body.template.templateId', message: 'no such template in this clinic' });
    }
    if (saved) problems.push(...savedTemplateProblems(saved, subject));
    if (problems.length > 0) throw AppError.invalid(problems);
    const patient = send.patientId ? await this.patients.find(clinicId, send.patientId) : null;
    if (send.patientId && !patient) {
      throw AppError.invalid([{ path: 'body.patientId', message: 'no such patient in this clinic' }]);
    }
    const address = patient
      ? patientAddress(send.channel, patient)
      : addressFor(send.channel, send.to!, settings.country);
    if (!address.ok) {
      throw AppError.invalid([{ path: patient ? 'body.patientId' : 'body.to', message: address.reason }]);
    }
    const language = send.language ?? patient?.language ?? settings.defaultLanguage;
    const built = await this.contexts.build(
      clinicId,
      {
        event: { type: 'manual', at: now },
        appointmentId: null,
        patientId: patient?._id ?? null,
        resourceId: null,
      },
      { nextAppointment: showsNextAppointment(sendTexts(send.template, saved)) },
      now,
      settings,
    );
    const by = principal.email ?? 'staff';
    const user = principal.userId ? await this.users.find(clinicId, principal.userId) : null;
    const { planned } = await this.planning.plan(
      clinicId,
      [
        {
          key: `one-off:${newId()}`,
          channel: send.channel,
          recipient: patient
            ? { type: 'patient', name: patientName(patient), address: address.address }
            : { type: 'custom', name: send.name ?? null, address: address.address },
          sendAt,
          expiresAt: send.expiresAt ? new Date(send.expiresAt) : null,
          template: messageTemplateOf(send.template, language),
          language,
          purpose: 'notice',
        },
      ],
      {
        timeZone: settings.timeZone,
        origin: 'one-off',
        patientId: patient?._id ?? null,
        templateData: sendTemplateData(built?.context ?? null, now, { name: user?.name ?? by }),
        by,
      },
      now,
    );
    // ids and the channel only: never the number, the address or the text
    await this.audit.record(principal, {
      action: 'send.one-off',
      target: { type: 'delivery', id: planned[0]._id, label: null },
      details: {
        channel: send.channel,
        patientId: patient?._id ?? null,
        scheduled: sendAt.getTime() > now.getTime(),
      },
    });
    return toDeliveryDetail(planned[0]);
  }
}
