import { Injectable, Logger } from '@nestjs/common';
import {
  addressFieldOf,
  messageKeyOf,
  reasonOf,
  rungKeyOf,
  type Channel,
  type FlowNode,
  type SkippedStep,
  templateData,
  type EvaluationContext,
  type EvaluationResult,
  type Flow,
  type FlowNodeOf,
  type Reason,
} from '@clinicflow/rules';
import { AppointmentService } from '../appointments/appointment.service';
import type { AppointmentDocument } from '../appointments/appointment.repository';
import { DeliveryCancelService } from '../deliveries/delivery-cancel.service';
import { DeliveryInput, DeliveryPlanningService } from '../deliveries/delivery-planning.service';
import { PatientService } from '../directory/patient.service';
import type { BuiltContext } from './evaluation-context.service';
import type { RunDocument } from './run.document';
import { RunWebhookRepository } from './run-webhook.repository';
import { ClinicEvents } from '../../common/clinic-events';

type MessageNode = FlowNodeOf<'send'> | FlowNodeOf<'ask'>;

/** What the caller still has to do after the outcome is stored. */
export interface OutcomeFollowUp {
  /** The appointment was confirmed by this run: the flows on `appointment.confirmed` start too. */
  confirmedAppointmentId: string | null;
}

/**
 * Stores what one evaluation decided, except the run itself: deliveries (planned, and skipped messages with
 * their reason), the appointment's confirmation, withdrawn consent (with the patient's pending messages on
 * that channel cancelled) and webhooks. Each write is idempotent, so an evaluation stored twice is stored once.
 */
@Injectable()
export class RunOutcomeService {
  private readonly logger = new Logger(RunOutcomeService.name);

  constructor(
    private readonly planning: DeliveryPlanningService,
    private readonly cancels: DeliveryCancelService,
    private readonly appointments: AppointmentService,
    private readonly patients: PatientService,
    private readonly webhooks: RunWebhookRepository,
    private readonly clinicEvents: ClinicEvents,
  ) {}

  async store(
    run: RunDocument,
    flow: Flow,
    result: EvaluationResult,
    built: BuiltContext,
    now: Date,
  ): Promise<OutcomeFollowUp> {
    const { context, settings, appointment } = built;
    const skippedMessages = result.skipped.flatMap((skip) => {
      const node = flow.nodes.find((n) => n.id === skip.nodeId);
      const message = node ? skippedMessageOf(run._id, node, skip) : null;
      return message ? [skippedDelivery(message, context, skip, new Date(skip.at))] : [];
    });
    await this.planning.plan(
      run.clinicId,
      [...result.deliveries, ...skippedMessages],
      {
        timeZone: settings.timeZone,
        origin: 'flow',
        runId: run._id,
        flowId: run.flowId,
        flowVersion: run.flowVersion,
        appointmentId: appointment?._id ?? run.appointmentId,
        patientId: (context.patient.id as string | undefined) ?? run.patientId,
        serviceId: appointment?.serviceId ?? null,
        resourceId: appointment?.resourceId ?? run.resourceId,
        templateData: templateData(context, now.toISOString()),
      },
      now,
    );
    let confirmedAppointmentId: string | null = null;
    for (const update of result.appointmentUpdates) {
      if (!update.appointmentId || !appointment || update.appointmentId !== appointment._id) continue;
      const confirmed = update.confirmation === 'confirmed';
      const answered = await this.appointments.recordConfirmation(appointment, update.confirmation, now);
      // The PMS hears the patient's answer (webhooks, docs/integrations.md); "pending" is no answer.
      if (update.confirmation !== 'pending') {
        this.clinicEvents.announce({
          clinicId: run.clinicId,
          type: update.confirmation === 'confirmed' ? 'appointment.confirmed' : 'appointment.declined',
          key: `appointment.${update.confirmation}:${appointment._id}:${run._id}`,
          at: now,
          data: { ...aboutAppointment(answered, run), answer: update.confirmation },
        });
      }
      if (confirmed && run.eventType !== 'appointment.confirmed') confirmedAppointmentId = appointment._id;
    }
    for (const change of result.consentChanges) {
      if (!change.patientId) continue;
      await this.patients.withdrawConsent(
        run.clinicId,
        change.patientId,
        change.channel,
        'patient-reply',
        now,
      );
      const cancelled = await this.cancels.cancelPendingForPatient(
        run.clinicId,
        change.patientId,
        change.channel,
        {
          reason: `consent withdrawn: ${change.reason}`,
          why: reasonOf('consent-withdrawn-cancel', { channel: change.channel }),
        },
        now,
      );
      this.logger.log(`Consent withdrawn on ${change.channel}; ${cancelled} pending message(s) cancelled`);
    }
    await this.webhooks.store(
      result.webhooks.map((w) => ({
        _id: w.idempotencyKey,
        clinicId: run.clinicId,
        runId: run._id,
        nodeId: w.nodeId,
        url: w.url,
        status: 'pending' as const,
        createdAt: now,
      })),
    );
    for (const step of result.webhooks) {
      this.clinicEvents.announce({
        clinicId: run.clinicId,
        type: 'flow.webhook',
        key: step.idempotencyKey,
        at: now,
        url: step.url,
        data: {
          ...aboutAppointment(appointment, run),
          nodeId: step.nodeId,
          event: run.eventType,
          flowVersion: run.flowVersion,
          patient: {
            id: run.patientId,
            firstName: context.patient.firstName ?? null,
            lastName: context.patient.lastName ?? null,
          },
        },
      });
    }
    return { confirmedAppointmentId };
  }
}

/** What a webhook says of a run's appointment: ids the PMS knows it by, and when it is. */
function aboutAppointment(appointment: AppointmentDocument | null, run: RunDocument) {
  return {
    flowId: run.flowId,
    runId: run._id,
    appointment: appointment && {
      id: appointment._id,
      externalId: appointment.externalId,
      start: appointment.start?.toISOString() ?? null,
      status: appointment.status,
    },
    patient: { id: run.patientId },
  };
}

/** What a skipped message would have been: a send or ask step's, or one rung's of a "reach the patient" step. */
interface SkippedMessage {
  nodeId: string;
  /** The key a planned delivery of it would have: a message is either planned or skipped. */
  key: string;
  channel: Channel;
  recipient: MessageNode['data']['recipient'];
  template: MessageNode['data']['template'];
  sender: MessageNode['data']['sender'] | null;
  purpose: MessageNode['data']['purpose'] | null;
  expectsReply: boolean;
  ladderRung?: number;
}

/** The message a skipped step stood for; null for a step that sends nothing (a wait, a condition). */
function skippedMessageOf(runId: string, node: FlowNode, skip: SkippedStep): SkippedMessage | null {
  if (node.type === 'send' || node.type === 'ask') {
    const { recipient } = node.data;
    return {
      nodeId: node.id,
      key: messageKeyOf(runId, node.id, recipient),
      channel: node.data.channel,
      recipient,
      template: node.data.template,
      sender: node.data.sender ?? null,
      purpose: node.data.purpose ?? null,
      expectsReply: node.type === 'ask',
    };
  }
  const rung = node.type === 'reach' && skip.rung ? node.data.rungs[skip.rung - 1] : undefined;
  if (node.type !== 'reach' || !rung) return null;
  return {
    nodeId: node.id,
    key: rungKeyOf(runId, node.id, skip.rung!),
    channel: rung.channel,
    recipient: { type: 'patient' },
    template: rung.template,
    sender: null,
    purpose: node.data.purpose ?? null,
    expectsReply: false,
    ladderRung: skip.rung,
  };
}

/** A message the evaluator skipped, as a `skipped` delivery: the report shows it with the reason. */
function skippedDelivery(
  message: SkippedMessage,
  context: EvaluationContext,
  { reason, why, mergedInto }: { reason: string; why: Reason; mergedInto?: string },
  at: Date,
): DeliveryInput {
  const { channel, recipient } = message;
  const patient = context.patient;
  const toPatient = recipient.type === 'patient';
  const address = toPatient
    ? ((patient[addressFieldOf(channel)] as string | undefined) ?? null)
    : (recipient.address ?? null);
  const name = toPatient ? [patient.firstName, patient.lastName].filter(Boolean).join(' ') || null : null;
  return {
    key: message.key,
    nodeId: message.nodeId,
    channel,
    recipient: { type: recipient.type, name, address },
    sendAt: at,
    template: message.template,
    language: patient.language ?? context.clinic.defaultLanguage ?? 'en',
    sender: message.sender,
    purpose: message.purpose,
    expectsReply: message.expectsReply,
    status: 'skipped',
    reason,
    why,
    ...(mergedInto ? { mergedInto } : {}),
    ...(message.ladderRung ? { ladderRung: message.ladderRung } : {}),
  };
}
