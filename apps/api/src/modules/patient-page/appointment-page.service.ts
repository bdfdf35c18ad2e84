import { Injectable, Logger } from '@nestjs/common';
import { appointmentCalendar, type CalendarFile } from '@clinicflow/channels';
import { ClinicEvents } from '../../common/clinic-events';
import { ClockRepository } from '../../common/clock.repository';
import type { AppointmentDocument } from '../appointments/appointment.repository';
import { AppointmentService } from '../appointments/appointment.service';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import { DeliveryService } from '../deliveries/delivery.service';
import {
  appointmentFactsOf,
  calendarAppointmentOf,
  plannedMoment,
  type CalendarMoment,
} from '../patient-links/appointment-calendar';
import type { PatientLinkDocument } from '../patient-links/patient-link.repository';
import { PatientLinksService } from '../patient-links/patient-links.service';
import { ReplyService } from '../replies/reply.service';
import type { SettingsDocument } from '../settings/settings.repository';
import { SettingsService } from '../settings/settings.service';
import {
  appointmentWhen,
  type AppointmentPageOutcome,
  type AppointmentPageState,
  type AppointmentPageView,
} from './appointment-page';
import { PATIENT_PREFIX } from '../../http/patient-paths';
import type { PageLanguage } from './page-layout';

/** What the patient may tap on their page. */
export type PageAction = 'confirm' | 'cancel' | 'reschedule';

/** A link's page as found: open, or why it opens nothing (`language` for the page that says so). */
export type FoundPage =
  { status: 'invalid' } | { status: 'expired'; language: string | null } | { status: 'open'; page: OpenPage };

/** Everything a page's view and its actions need. */
export interface OpenPage {
  link: PatientLinkDocument;
  delivery: DeliveryDocument;
  appointment: AppointmentDocument | null;
  settings: SettingsDocument;
}

const STARTED: ReadonlySet<string> = new Set(['attended', 'no_show']);

/**
 * The appointment page of the patient's short links (docs/patient-links.md): what it shows, and what a tap does.
 * A tap is recorded as a reply would be: a question still waiting is answered and its run goes on by the
 * confirmed or declined exit; otherwise the appointment is marked directly. Either way the report shows the
 * message answered, the live overlay hears of it, and the PMS is told (webhooks, FHIR, HL7).
 */
@Injectable()
export class AppointmentPageService {
  private readonly logger = new Logger(AppointmentPageService.name);

  constructor(
    private readonly links: PatientLinksService,
    private readonly deliveries: DeliveryService,
    private readonly appointments: AppointmentService,
    private readonly replies: ReplyService,
    private readonly settings: SettingsService,
    private readonly clinicEvents: ClinicEvents,
    private readonly clock: ClockRepository,
  ) {}

  /** The page a token opens, or why it opens none. */
  async find(token: string): Promise<FoundPage> {
    const link = await this.links.pageLinkOf(token);
    const delivery = link ? await this.deliveries.findAny(link.deliveryId) : null;
    const settings = delivery ? await this.settings.find(delivery.clinicId) : null;
    if (!link || !delivery || !settings || delivery.clinicId !== link.clinicId) return { status: 'invalid' };
    if (link.expiresAt.getTime() <= this.clock.now().getTime())
      return { status: 'expired', language: delivery.language };
    const appointment = delivery.appointmentId
      ? await this.appointments.find(delivery.clinicId, delivery.appointmentId)
      : null;
    return { status: 'open', page: { link, delivery, appointment, settings } };
  }

  /** The page's view in `language`. */
  viewOf(page: OpenPage, language: PageLanguage): AppointmentPageView {
    const { appointment, settings, delivery } = page;
    const planned = plannedMoment(delivery)?.start.getTime();
    return {
      language,
      kind: page.link.kind,
      clinic: { name: settings.name, phone: settings.phone ?? null },
      state: this.stateOf(appointment),
      appointment: appointment?.start
        ? {
            when: appointmentWhen(appointment.start, language, settings.timeZone),
            ...appointmentFactsOf(delivery),
            moved: planned !== undefined && planned !== appointment.start.getTime(),
          }
        : null,
      calendar: this.calendarLinksOf(page),
    };
  }

  /** The appointment as it is now, as an iCalendar file (a cancelled one as a CANCEL); null when it is gone. */
  calendarOf(page: OpenPage): CalendarFile | null {
    const { appointment, delivery, settings } = page;
    if (!appointment?.start) return null;
    const moment = momentOf(appointment);
    return appointmentCalendar(calendarAppointmentOf(delivery, settings, moment, this.clock.now()));
  }

  /** "Add to my calendar": our file, and the same event as Google's and Outlook's forms take it. */
  private calendarLinksOf(page: OpenPage): AppointmentPageView['calendar'] {
    const { appointment, delivery, settings } = page;
    if (!appointment?.start) return null;
    const event = calendarAppointmentOf(delivery, settings, momentOf(appointment), this.clock.now());
    const utc = (at: Date) => at.toISOString().replace(/[-:]|\.\d{3}/g, '');
    const google = new URLSearchParams({
      action: 'TEMPLATE',
      text: event.summary,
      dates: `${utc(event.start)}/${utc(event.end)}`,
      ctz: event.timeZone,
      ...(event.location ? { location: event.location } : {}),
      ...(event.description ? { details: event.description } : {}),
    });
    const outlook = new URLSearchParams({
      path: '/calendar/action/compose',
      rru: 'addevent',
      subject: event.summary,
      startdt: event.start.toISOString(),
      enddt: event.end.toISOString(),
      ...(event.location ? { location: event.location } : {}),
      ...(event.description ? { body: event.description } : {}),
    });
    return {
      file: `/${PATIENT_PREFIX}/${page.link._id}/calendar`,
      google: `https://calendar.google.com/calendar/render?${google}`,
      outlook: `https://outlook.live.com/calendar/0/action/compose?${outlook}`,
    };
  }

  /**
   * Does what the patient tapped; answers what it did. `text` is the optional reason of a cancel or the wish of
   * a request for another time. Nothing is done once the appointment has started, or to one cancelled.
   */
  async act(page: OpenPage, action: PageAction, text: string): Promise<AppointmentPageOutcome> {
    const now = this.clock.now();
    const { appointment, delivery } = page;
    const state = this.stateOf(appointment);
    if (state === 'gone') return 'gone';
    if (state === 'cancelled' || state === 'cancelled-by-patient') return 'already-cancelled';
    if (state === 'over') return 'over';
    if (action === 'reschedule') {
      await this.replies.keepFromPage(
        delivery,
        {
          key: `reschedule:${now.toISOString()}`,
          text: text || '—',
          outcome: 'The patient asks for another time (on their page); call them back',
        },
        now,
      );
      return 'requested';
    }
    if (action === 'confirm' && state === 'confirmed') return 'already-confirmed';
    const answer = action === 'confirm' ? 'confirmed' : 'declined';
    await this.answer(delivery, appointment!, answer, now);
    if (action === 'confirm') return 'confirmed';
    const cancelled = await this.appointments.recordPatientCancel(
      (await this.appointments.find(appointment!.clinicId, appointment!._id)) ?? appointment!,
      now,
    );
    this.announce(delivery, cancelled, 'declined', now, text);
    if (text) {
      await this.replies.keepFromPage(
        delivery,
        { key: 'cancel', text, outcome: 'The patient cancelled the appointment on their page' },
        now,
      );
    }
    this.logger.log('An appointment was cancelled by the patient on their page');
    return 'cancelled';
  }

  /**
   * The answer, as a reply would give it: the question's run goes on when it still waits; the message is
   * answered in the report; the appointment is marked and the PMS told.
   */
  private async answer(
    delivery: DeliveryDocument,
    appointment: AppointmentDocument,
    answer: 'confirmed' | 'declined',
    now: Date,
  ): Promise<void> {
    await this.replies.answerOnPage(delivery, answer, now);
    const current = (await this.appointments.find(appointment.clinicId, appointment._id)) ?? appointment;
    const marked =
      current.confirmation === answer
        ? current
        : await this.appointments.recordConfirmation(current, answer, now);
    if (answer === 'confirmed') this.announce(delivery, marked, answer, now);
  }

  /**
   * The PMS hears the answer (docs/integrations.md). Under the run's key when the message came from a run, so
   * that the run's own "mark the appointment" step, announcing the same answer, makes one message.
   */
  private announce(
    delivery: DeliveryDocument,
    appointment: AppointmentDocument,
    answer: 'confirmed' | 'declined',
    now: Date,
    reason?: string,
  ): void {
    this.clinicEvents.announce({
      clinicId: delivery.clinicId,
      type: answer === 'confirmed' ? 'appointment.confirmed' : 'appointment.declined',
      key: `appointment.${answer}:${appointment._id}:${delivery.runId ?? `page:${delivery._id}`}`,
      at: now,
      data: {
        flowId: delivery.flowId,
        runId: delivery.runId,
        appointment: {
          id: appointment._id,
          externalId: appointment.externalId,
          start: appointment.start?.toISOString() ?? null,
          status: appointment.status,
        },
        patient: { id: delivery.patientId },
        answer,
        via: 'page',
        ...(reason ? { reason } : {}),
      },
    });
  }

  private stateOf(appointment: AppointmentDocument | null): AppointmentPageState {
    if (!appointment?.start) return 'gone';
    if (appointment.status === 'cancelled')
      return appointment.cancelledBy === 'patient' ? 'cancelled-by-patient' : 'cancelled';
    if (STARTED.has(appointment.status) || appointment.start.getTime() <= this.clock.now().getTime())
      return 'over';
    return appointment.confirmation === 'confirmed' ? 'confirmed' : 'open';
  }
}

/** The appointment as it stands, for its calendar file (one with a start: the callers check). */
function momentOf(appointment: AppointmentDocument & { start: Date | null }): CalendarMoment {
  return {
    start: appointment.start!,
    end: appointment.end,
    cancelled: appointment.status === 'cancelled',
    at: appointment.lastEventAt,
  };
}
