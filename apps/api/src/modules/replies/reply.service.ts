import { Injectable, Logger } from '@nestjs/common';
import { normalisePhoneNumber, type InboundMessage } from '@clinicflow/channels';
import {
  askKeywords,
  reasonOf,
  type Channel,
  type ReplyKeywords,
  type ReplyMeaning,
} from '@clinicflow/rules';
import { UNANSWERED_SENT_STATUSES, type DeliveryStatus } from '@clinicflow/contract';
import { ClockRepository } from '../../common/clock.repository';
import { AppointmentService } from '../appointments/appointment.service';
import { DeliveryCancelService } from '../deliveries/delivery-cancel.service';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import { DeliveryPlanningService } from '../deliveries/delivery-planning.service';
import { DeliveryService } from '../deliveries/delivery.service';
import { DeliveryStatusService } from '../deliveries/delivery-status.service';
import type { PatientDocument } from '../directory/directory.repository';
import { PatientService } from '../directory/patient.service';
import { FlowVersionService } from '../flows/flow-version.service';
import { RunService } from '../runs/run.service';
import { clinicContextOf } from '../settings/clinic-context';
import type { SettingsDocument } from '../settings/settings.repository';
import { SettingsService } from '../settings/settings.service';
import { readPatientReply } from './reply-meaning';
import { ClinicEvents } from '../../common/clinic-events';
import { ReplyDocument, ReplyRepository, replyIdFor } from './reply.repository';
import { stopConfirmationTemplate } from './stop-confirmation';

const LATE = 'Arrived after the question was closed; waiting in the inbox';
const DECLINED = {
  reason: 'The patient declined the appointment',
  why: reasonOf('appointment-declined'),
};
const STOP_REASON = 'The patient replied STOP: consent withdrawn on this channel.';
const UNSUBSCRIBE_REASON = 'The patient unsubscribed: consent withdrawn on this channel.';

/**
 * What a patient's reply does (F4, T3, S6). The sender is found by number (E.164 with the clinic's country)
 * or e-mail address; the reply answers the message it names (an e-mail's In-Reply-To, a call's key pressed),
 * else the latest question sent to that sender. Confirm / decline words (or keys 1 / 2 on a call) go to the
 * question's run (its ask step ends confirmed or declined, the evaluator confirms the appointment) and the
 * question becomes `answered`; a decline also stops the appointment's other messages and marks it declined;
 * STOP withdraws consent on the channel at once, cancels the pending messages on it and sends one
 * confirmation; anything else waits in the inbox.
 */
@Injectable()
export class ReplyService {
  private readonly logger = new Logger(ReplyService.name);

  constructor(
    private readonly replies: ReplyRepository,
    private readonly deliveries: DeliveryService,
    private readonly versions: FlowVersionService,
    private readonly patients: PatientService,
    private readonly settings: SettingsService,
    private readonly runs: RunService,
    private readonly status: DeliveryStatusService,
    private readonly cancels: DeliveryCancelService,
    private readonly planning: DeliveryPlanningService,
    private readonly appointments: AppointmentService,
    private readonly clock: ClockRepository,
    private readonly clinicEvents: ClinicEvents,
  ) {}

  /** Handles one inbound message; answers the stored reply, or null when it was already handled. */
  async receive(
    clinicId: string,
    channel: Channel,
    provider: string,
    message: InboundMessage,
  ): Promise<ReplyDocument | null> {
    const settings = await this.settings.find(clinicId);
    if (!settings) return null;
    const now = this.clock.now();
    const from = addressOf(message.from, channel, settings.country);
    const { named, question } = await this.answered(clinicId, channel, provider, message, from);
    // The message it names tells who wrote (an e-mail's STOP), even when that message asked nothing.
    const senders = await this.sendersOf(clinicId, from, named ?? question);
    const open = question !== null && (await this.stillAwaited(question));
    // STOP in the words of every language (STOPP, ARRÊT, BAJA, UNSUBSCRIBE…, accents and case aside); on a
    // call, the key pressed.
    const { read, meaning } = readPatientReply(
      message.text,
      question
        ? { open, keywords: await this.keywordsOf(question, settings), channel: question.channel }
        : null,
    );
    const patient = senders[0] ?? null;
    const reply: ReplyDocument = {
      _id: replyIdFor(clinicId, provider, message),
      clinicId,
      channel,
      from,
      to: message.to,
      text: message.text,
      receivedAt: message.at ?? now,
      provider,
      providerMessageId: message.providerMessageId ?? null,
      patientId: patient?._id ?? null,
      patientName: patient ? [patient.firstName, patient.lastName].filter(Boolean).join(' ') : null,
      deliveryId: question?._id ?? null,
      questionText: question?.text ?? null,
      appointmentId: question?.appointmentId ?? null,
      runId: question?.runId ?? null,
      meaning,
      outcome: question && !open && meaning === 'unknown' && read !== 'unknown' ? LATE : outcomeOf(meaning),
      read: meaning !== 'unknown',
      readAt: meaning !== 'unknown' ? now : null,
      readBy: meaning !== 'unknown' ? 'engine' : null,
      followUp: false,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.replies.keep(reply))) return null;
    if (channel === 'whatsapp')
      for (const sender of senders)
        await this.patients.noteWhatsappMessage(clinicId, sender._id, reply.receivedAt);
    this.announce(reply);
    if (meaning === 'stop') await this.stop(settings, channel, reply, senders, now);
    else if (meaning !== 'unknown' && open) await this.answer(question, message.text, meaning, now);
    return reply;
  }

  /**
   * What a reply answers: the message it names (an e-mail's In-Reply-To/References, a call's id) when the
   * provider links one, a question only if that message asked something; else the latest question to its
   * sender. Only a question sent on the reply's channel by the provider it came through: a forged or stray
   * reply on another route answers nothing.
   */
  private async answered(
    clinicId: string,
    channel: Channel,
    provider: string,
    message: InboundMessage,
    from: string,
  ): Promise<{ named: DeliveryDocument | null; question: DeliveryDocument | null }> {
    for (const id of message.inReplyTo ?? []) {
      const named = await this.deliveries.findByProviderMessage(clinicId, provider, id);
      if (named && named.channel === channel) return { named, question: named.expectsReply ? named : null };
    }
    return {
      named: null,
      question: await this.deliveries.latestQuestionTo(clinicId, from, channel, provider),
    };
  }

  /** The patients who may have sent it: the patient of the message it answers first, then any with that number. */
  private async sendersOf(
    clinicId: string,
    from: string,
    answered: DeliveryDocument | null,
  ): Promise<PatientDocument[]> {
    const byNumber = await this.patients.withMobile(clinicId, from);
    const asked = answered?.patientId ? await this.patients.find(clinicId, answered.patientId) : null;
    return asked ? [asked, ...byNumber.filter((p) => p._id !== asked._id)] : byNumber;
  }

  /**
   * T3: a one-click unsubscribe from an e-mail (RFC 8058, docs/patient-links.md): a STOP on e-mail for the
   * patient it went to, without a confirming message. Answers how many patients' consent was withdrawn (0 for
   * an address typed by hand, which no patient holds).
   */
  async unsubscribe(delivery: DeliveryDocument, now: Date): Promise<number> {
    const patient = delivery.patientId
      ? await this.patients.find(delivery.clinicId, delivery.patientId)
      : null;
    const patients = patient ? [patient] : [];
    await this.withdraw(delivery.clinicId, 'email', patients, 'patient', now);
    return patients.length;
  }

  /**
   * What a patient wrote on their page (docs/patient-links.md): a request for another time, or why they
   * cancelled. It waits in the inbox, unread, for the front desk, and the clinic's systems hear of it.
   */
  async keepFromPage(
    delivery: DeliveryDocument,
    page: { key: string; text: string; outcome: string },
    now: Date,
  ): Promise<void> {
    const patient = delivery.patientId
      ? await this.patients.find(delivery.clinicId, delivery.patientId)
      : null;
    const reply: ReplyDocument = {
      _id: replyIdFor(delivery.clinicId, 'page', {
        providerMessageId: `${delivery._id}:${page.key}`,
        from: '',
        at: now,
        text: page.text,
      }),
      clinicId: delivery.clinicId,
      channel: delivery.channel,
      from: delivery.recipient.address ?? '',
      to: 'page',
      text: page.text,
      receivedAt: now,
      provider: 'page',
      providerMessageId: null,
      patientId: patient?._id ?? null,
      patientName: patient ? [patient.firstName, patient.lastName].filter(Boolean).join(' ') : null,
      deliveryId: delivery._id,
      questionText: delivery.text ?? null,
      appointmentId: delivery.appointmentId,
      runId: delivery.runId,
      meaning: 'unknown',
      outcome: page.outcome,
      read: false,
      readAt: null,
      readBy: null,
      followUp: true,
      createdAt: now,
      updatedAt: now,
    };
    if (await this.replies.keep(reply)) this.announce(reply);
  }

  /** The clinic's systems hear of a reply just stored (webhooks, docs/integrations.md). */
  private announce(reply: ReplyDocument): void {
    this.clinicEvents.announce({
      clinicId: reply.clinicId,
      type: 'reply.received',
      key: `reply:${reply._id}`,
      at: reply.receivedAt,
      data: {
        replyId: reply._id,
        channel: reply.channel,
        text: reply.text,
        meaning: reply.meaning,
        patientId: reply.patientId,
        appointmentId: reply.appointmentId,
        deliveryId: reply.deliveryId,
      },
    });
  }

  /** Whether the question's run still waits for this answer (a late reply does not reopen a closed step). */
  private async stillAwaited(question: DeliveryDocument): Promise<boolean> {
    if (!question.runId) return true;
    return this.runs.awaitsReply(question.clinicId, question.runId, question.nodeId);
  }

  /** The reply words of the step that asked the question (read from its published version), else the clinic's. */
  private async keywordsOf(
    question: DeliveryDocument,
    settings: SettingsDocument,
  ): Promise<ReplyKeywords | undefined> {
    const version =
      question.flowId && question.flowVersion !== null && question.nodeId
        ? await this.versions.findVersion(question.clinicId, question.flowId, question.flowVersion)
        : null;
    const nodes = (
      version?.flow as { nodes?: { id: string; data?: { keywords?: ReplyKeywords } }[] } | undefined
    )?.nodes;
    const step = nodes?.find((node) => node.id === question.nodeId)?.data;
    return askKeywords(step, clinicContextOf(settings));
  }

  /**
   * The question is answered. A decline (F4) first stops the rest of the appointment's messages: its other
   * runs end, its pending messages are cancelled and it is marked declined; the question's own run then goes
   * on by its `declined` exit, so what that branch sends (a "call us to book again") still goes. The question
   * says so in the report.
   */
  private async answer(question: DeliveryDocument, text: string, meaning: ReplyMeaning, now: Date) {
    await this.markAnswered(question, meaning, now, { waiting: true, where: '' });
    if (question.runId) await this.runs.signal(question.clinicId, question.runId, { kind: 'reply', text });
  }

  /**
   * A tap on the patient's page (docs/patient-links.md), answered as a reply would be: a question still waiting
   * goes on through its run, which is told the meaning (no words to read); any other message the patient read
   * is marked answered, and a cancel ends every run of the appointment. Answers whether a run was told.
   */
  async answerOnPage(
    delivery: DeliveryDocument,
    meaning: 'confirmed' | 'declined',
    now: Date,
  ): Promise<boolean> {
    const waiting = delivery.expectsReply && (await this.stillAwaited(delivery));
    await this.markAnswered(delivery, meaning, now, { waiting, where: ' on their page' });
    if (!waiting || !delivery.runId) return false;
    const text = meaning === 'confirmed' ? 'Confirm (page)' : 'Cancel (page)';
    await this.runs.signal(delivery.clinicId, delivery.runId, { kind: 'reply', text, meaning });
    return true;
  }

  /** What an answer does before its run hears it: a decline stops the appointment; the message is answered. */
  private async markAnswered(
    delivery: DeliveryDocument,
    meaning: ReplyMeaning,
    now: Date,
    how: { waiting: boolean; where: string },
  ) {
    let reason = `The patient confirmed the appointment${how.where}`;
    if (meaning === 'declined') {
      // the run of a question still waiting goes on by its `declined` exit; any other run of it ends
      const asked = how.waiting ? delivery : { ...delivery, runId: null };
      const cancelled = delivery.appointmentId ? await this.decline(asked, now) : 0;
      reason = `The patient declined the appointment${how.where}; ${cancelled} other pending message(s) cancelled`;
    }
    if (!how.waiting && !(UNANSWERED_SENT_STATUSES as readonly DeliveryStatus[]).includes(delivery.status))
      return;
    await this.status.record(delivery, {
      status: 'answered',
      at: now,
      by: 'patient',
      reason,
      set: { answeredAt: now, reason },
    });
  }

  /** Ends the declined appointment's other runs, cancels its pending messages, marks it; answers how many were cancelled. */
  private async decline(
    question: Pick<DeliveryDocument, 'clinicId' | 'appointmentId' | 'runId'>,
    now: Date,
  ): Promise<number> {
    const { clinicId, appointmentId } = question;
    await this.runs.endOthersOfAppointment(clinicId, appointmentId!, question.runId, DECLINED, now);
    const cancelled = await this.cancels.cancelForAppointment(clinicId, appointmentId!, DECLINED, now);
    const appointment = await this.appointments.find(clinicId, appointmentId!);
    if (appointment) await this.appointments.recordConfirmation(appointment, 'declined', now);
    return cancelled;
  }

  /** T3: consent off at once for every patient of that number, their pending sends cancelled, one notice. */
  private async stop(
    settings: SettingsDocument,
    channel: Channel,
    reply: ReplyDocument,
    senders: PatientDocument[],
    now: Date,
  ) {
    const clinicId = reply.clinicId;
    await this.withdraw(clinicId, channel, senders, 'patient-reply', now);
    const patient = senders[0];
    // Not tied to the patient (patientId null): the send-time consent check would otherwise stop the very
    // message that confirms the withdrawal. The key makes it one message per STOP reply.
    await this.planning.plan(
      clinicId,
      [
        {
          key: `stop-confirmation:${reply._id}`,
          channel,
          recipient: { type: 'patient', name: reply.patientName, address: reply.from },
          sendAt: now,
          template: stopConfirmationTemplate,
          language: patient?.language ?? settings.defaultLanguage,
          purpose: 'notice',
        },
      ],
      { timeZone: settings.timeZone, origin: 'notice', templateData: {}, by: 'engine' },
      now,
    );
  }

  /** Consent off on the channel for these patients, with where it came from, and their pending sends on it cancelled. */
  private async withdraw(
    clinicId: string,
    channel: Channel,
    patients: PatientDocument[],
    source: 'patient-reply' | 'patient',
    now: Date,
  ) {
    const reason = source === 'patient-reply' ? STOP_REASON : UNSUBSCRIBE_REASON;
    for (const patient of patients) {
      await this.patients.withdrawConsent(clinicId, patient._id, channel, source, now);
      const cancelled = await this.cancels.cancelPendingForPatient(
        clinicId,
        patient._id,
        channel,
        { reason, why: reasonOf('consent-withdrawn-cancel', { channel }) },
        now,
      );
      this.logger.log(`${source}: consent withdrawn, ${cancelled} pending message(s) cancelled`);
    }
  }
}

/** The sender as the deliveries store it: E.164 for a phone number, the address otherwise. */
function addressOf(from: string, channel: Channel, country: string): string {
  if (channel === 'email') return from.trim().toLowerCase();
  const number = normalisePhoneNumber(from, country);
  return number.valid ? number.e164 : from.trim();
}

function outcomeOf(meaning: ReplyMeaning): string {
  switch (meaning) {
    case 'confirmed':
      return 'Appointment confirmed';
    case 'declined':
      return 'Appointment declined';
    case 'stop':
      return 'Consent withdrawn; pending messages on this channel cancelled';
    case 'unknown':
      return 'Waiting in the inbox';
  }
}
