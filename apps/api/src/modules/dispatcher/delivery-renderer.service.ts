import { Injectable } from '@nestjs/common';
import {
  appointmentCalendar,
  composeMessage,
  questionSmsSender,
  resolveLanguage,
  runMessageContext,
  type ComposedMessage,
  type MessageTemplate as ChannelTemplate,
  type OutgoingMessage,
  type TemplateContent,
  whatsappForm,
} from '@clinicflow/channels';
import { DEFAULT_EMAIL_OPEN_TRACKING } from '@clinicflow/contract';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import { clinicContextOf } from '../settings/clinic-context';
import type { SettingsDocument } from '../settings/settings.repository';
import type { TemplateDocument } from '../templates/template.repository';
import { TemplateService } from '../templates/template.service';
import { SameDayAppointmentsService } from './same-day-appointments.service';
import { PatientLinksService } from '../patient-links/patient-links.service';
import { calendarAppointmentOf, plannedMoment } from '../patient-links/appointment-calendar';
import { loadOnce } from '../../common/concurrently';

/** A message ready for its provider, or why it cannot be written (a final failure: retrying will not help). */
export type Rendered =
  | {
      ok: true;
      message: OutgoingMessage;
      composed: ComposedMessage;
      /** The appointments a reminder named beyond its own (one message per patient per day). */
      namedAppointments?: string[];
    }
  | { ok: false; code: 'template' | typeof WHATSAPP_TEMPLATE_NEEDED; reason: string };

/** The failure of a WhatsApp message with no approved template, outside the patient's 24-hour window. */
export const WHATSAPP_TEMPLATE_NEEDED = 'whatsapp-template-needed';

/**
 * Writes a delivery's message at send time with the channels library: its saved template (by id) or its
 * inline text per language, filled with the data planned with it (`templateData`), in its language.
 */
@Injectable()
export class DeliveryRendererService {
  constructor(
    private readonly templates: TemplateService,
    private readonly links: PatientLinksService,
    private readonly sameDay: SameDayAppointmentsService,
  ) {}

  /**
   * Renders; `templates` caches saved templates for one dispatch batch; `to` is the recipient's address as the
   * provider must get it (a number in E.164), the delivery's own otherwise; `whatsappMessageAt`, when the
   * recipient last wrote on WhatsApp (a free text may answer within 24 hours, docs/whatsapp.md).
   */
  async render(
    delivery: DeliveryDocument,
    settings: SettingsDocument,
    now: Date,
    templates: Map<string, Promise<TemplateDocument | null>> = new Map(),
    to: string = delivery.recipient.address ?? '',
    whatsappMessageAt: Date | null = null,
  ): Promise<Rendered> {
    let saved: TemplateDocument | null = null;
    const templateId = delivery.template.templateId;
    if (templateId) {
      const key = `${delivery.clinicId}:${templateId}`;
      saved = await loadOnce(templates, key, () => this.templates.find(delivery.clinicId, templateId));
      if (!saved) return { ok: false, code: 'template', reason: 'Its template no longer exists.' };
    }
    const variants = saved
      ? (saved.variants as Record<string, TemplateContent | undefined>)
      : Object.fromEntries(
          Object.entries(delivery.template.byLanguage ?? {}).map(([language, text]) => [
            language,
            {
              body: text.body,
              ...(text.subject !== undefined ? { subject: text.subject } : {}),
              ...(text.whatsapp ? { whatsapp: text.whatsapp } : {}),
            },
          ]),
        );
    const base =
      variants[delivery.language] ?? variants[settings.defaultLanguage] ?? Object.values(variants)[0];
    if (!base) return { ok: false, code: 'template', reason: 'Its template has no text.' };
    const template: ChannelTemplate = { ...base, variants: variants as ChannelTemplate['variants'] };
    // Made only for a text that shows one (an approved WhatsApp template's values too): the others need no
    // signatures.
    const showsLinks = Object.values(variants).some((text) =>
      [text?.body, text?.subject, ...(text?.whatsapp?.variables ?? [])].some((part) =>
        part?.includes('links.'),
      ),
    );
    const pageLinks = showsLinks ? this.links.pageLinksOf(delivery, now) : null;
    const named = await this.sameDay.of(delivery, settings);
    const data = {
      ...delivery.templateData,
      ...(pageLinks ? { links: pageLinks.urls } : {}),
      ...(named ? { appointments: named.day } : {}),
    };
    const context = runMessageContext(data, {
      details: clinicContextOf(settings),
      language: resolveLanguage(settings.defaultLanguage) ?? 'en',
    });
    const result = composeMessage({
      channel: delivery.channel,
      template,
      context,
      patientLanguage: delivery.language,
      now,
      // A patient's e-mail only (a practitioner's notice has no consent to withdraw).
      ...(delivery.channel === 'email' && delivery.recipient.type === 'patient'
        ? {
            emailLinks: this.links.emailLinks(
              delivery._id,
              settings.emailOpenTracking ?? DEFAULT_EMAIL_OPEN_TRACKING,
            ),
          }
        : {}),
    });
    if (!result.ok) {
      return {
        ok: false,
        code: 'template',
        reason: `The message could not be written: ${result.errors.map((e) => e.message).join('; ')}`,
      };
    }
    const composed = result.message;
    const whatsapp =
      delivery.channel === 'whatsapp'
        ? whatsappForm(composed.whatsappTemplate, whatsappMessageAt, now)
        : null;
    if (whatsapp?.send === 'nothing') {
      return {
        ok: false,
        code: WHATSAPP_TEMPLATE_NEEDED,
        reason:
          'WhatsApp takes only an approved template when the patient has not written in the last 24 hours, and ' +
          'this message has none (set its WhatsApp template in the message’s template).',
      };
    }
    // Stored before the message leaves, so that a link the patient taps at once opens.
    if (pageLinks) await this.links.keepUsed(pageLinks, [composed.text, composed.html]);
    const message: OutgoingMessage = { channel: delivery.channel, to, text: composed.text };
    if (delivery.expectsReply) message.expectsReply = true;
    const from = senderOf(delivery, settings, saved);
    if (from) message.from = from;
    if (composed.subject !== undefined) message.subject = composed.subject;
    if (composed.html !== undefined) message.html = composed.html;
    if (composed.headers) message.headers = composed.headers;
    if (composed.speechLanguage) message.speechLanguage = composed.speechLanguage;
    if (delivery.expiresAt) message.expiresAt = new Date(delivery.expiresAt);
    const calendar = emailCalendarOf(delivery, settings);
    if (calendar) message.calendar = calendar;
    if (whatsapp?.send === 'template') message.whatsappTemplate = whatsapp.template;
    return { ok: true, message, composed, ...(named?.ids ? { namedAppointments: named.ids } : {}) };
  }
}

/**
 * A patient's e-mail about an appointment carries it for their calendar (docs/patient-links.md): as the message
 * was planned (a move or cancel plans new messages), a cancelled one as a CANCEL of the same event.
 */
function emailCalendarOf(delivery: DeliveryDocument, settings: SettingsDocument) {
  if (delivery.channel !== 'email' || delivery.recipient.type !== 'patient' || !delivery.appointmentId)
    return null;
  const moment = plannedMoment(delivery);
  return moment && appointmentCalendar(calendarAppointmentOf(delivery, settings, moment, delivery.createdAt));
}

/** The sender: the step's override, else the template's, else the clinic's (C2); the provider's default otherwise. */
function senderOf(
  delivery: DeliveryDocument,
  settings: SettingsDocument,
  saved: TemplateDocument | null,
): string | undefined {
  const step = delivery.sender ?? {};
  const template = saved?.sender ?? {};
  const clinic = settings.senders;
  switch (delivery.channel) {
    case 'sms':
      // A question goes from a sender patients can reply to (F4): the clinic's number for replies when its
      // sender is a name; a template's name is not used for it (publishing checks the step's and the clinic's).
      if (delivery.expectsReply) return step.smsName ?? questionSmsSender(clinic) ?? undefined;
      return step.smsName ?? template.smsSenderName ?? clinic.smsSenderName ?? undefined;
    case 'voice':
      return step.callerNumber ?? clinic.voiceCallerNumber ?? undefined;
    case 'whatsapp':
      // The clinic's WhatsApp number is its provider's (`defaultFrom`): a name cannot send on WhatsApp.
      return undefined;
    case 'email': {
      const address = step.emailFromAddress ?? template.emailFromAddress ?? clinic.emailFromAddress;
      if (!address) return undefined;
      const name = step.emailFromName ?? template.emailFromName ?? clinic.emailFromName;
      return name ? `${name.replace(/["<>]/g, '')} <${address}>` : address;
    }
  }
}
