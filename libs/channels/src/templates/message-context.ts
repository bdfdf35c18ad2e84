import type { Language } from '../languages/language';
import type { DayListContext, PatientDayContext } from './day-list-view';

/** The clinic as templates see it; `timeZone`, `language`, `country` and `currency` drive formatting. */
export interface ClinicContext {
  name: string;
  phone: string;
  website: string;
  timeZone: string;
  language: Language;
  country: string;
  currency: string;
}

/** The patient as templates see them; `language` is the code ("fr"), `nextAppointmentAt` an ISO 8601 instant. */
export interface PatientContext {
  firstName: string;
  lastName: string;
  mobile: string;
  address: string;
  email?: string;
  language?: string;
  nextAppointmentAt?: string | null;
  /** The insurer, as the practice-management system names it. */
  insurer?: string;
  /** The doctor who referred the patient (C5), as the directory stores them. */
  referringDoctor?: { name?: string; phone?: string; email?: string };
}

/** The appointment: `start`, `end` and `bookedAt` are ISO 8601 instants. */
export interface AppointmentContext {
  start: string;
  end: string;
  notes: string;
  /** booked, confirmed, cancelled, attended, no_show (the rules library's codes). */
  status?: string;
  /** pending, confirmed, declined. */
  confirmation?: string;
  /** online or staff. */
  source?: string;
  bookedAt?: string;
}

/** A resource alert (F9): how late the practitioner is and the new expected start (an ISO 8601 instant). */
export interface DelayContext {
  minutes: number;
  newStart: string;
}

/** Everything a template may use: the facts about one appointment and its patient (C3). */
export interface MessageContext {
  clinic: ClinicContext;
  patient: PatientContext;
  /** The practitioner or room; `name` as in the API's resource documents (tuOtempO's TRD5). */
  resource: { name: string; address: string; phone: string };
  /** The date variables (`appointment.longDate`, …) are derived from `start` and `end`. */
  appointment: AppointmentContext;
  service: {
    name: string;
    price: number;
    duration: number;
    notes: string;
    prerequisites: string;
    group: string;
  };
  location: { name: string; city: string; phone: string; address: string; notes: string };
  /** Resource alerts only. */
  delay?: DelayContext;
  /** Daily trigger only (F10): the practitioner's appointments of the next day. */
  dayList?: DayListContext;
  /**
   * The patient's appointments the message names: its own, and those of the reminders merged into it (one
   * message per patient per day).
   */
  appointments?: PatientDayContext;
  /** The user of the clinic who sends it: one-off and batch sends only (a flow's message has none). */
  user?: { name: string };
  /**
   * The patient's short links (docs/patient-links.md), made for each message at send time: only a patient's
   * message has them, and only one about an appointment has those of the appointment's page.
   */
  links?: { confirm?: string; cancel?: string; reschedule?: string; calendar?: string; preferences?: string };
}

/** A context given in parts: anything left out is taken from the sample. */
export type PartialMessageContext = { [K in keyof MessageContext]?: Partial<MessageContext[K]> };

/**
 * Sample data for previews: Léa Martin's check-up with Dr Hugo Bernard on Thursday 3 December 2026 at 09:30 in
 * Paris, who runs 20 minutes late (09:50).
 */
export function sampleMessageContext(): MessageContext {
  return {
    clinic: {
      name: 'Cabinet du Parc',
      phone: '+33142685300',
      website: 'https://cabinet-du-parc.example',
      timeZone: 'Europe/Paris',
      language: 'fr',
      country: 'FR',
      currency: 'EUR',
    },
    patient: {
      firstName: 'Léa',
      lastName: 'Martin',
      mobile: '+33612345678',
      address: '12 rue des Lilas, 75011 Paris',
      email: 'lea.martin@example.org',
      language: 'fr',
      nextAppointmentAt: '2027-06-03T07:30:00.000Z',
      insurer: 'MGEN',
      referringDoctor: { name: 'Dr Anne Leroy', phone: '+33145678902', email: 'a.leroy@example.org' },
    },
    resource: { name: 'Dr Hugo Bernard', address: '3 place du Parc, 75011 Paris', phone: '+33142685301' },
    appointment: {
      start: '2026-12-03T08:30:00.000Z',
      end: '2026-12-03T09:00:00.000Z',
      notes: '',
      status: 'booked',
      confirmation: 'pending',
      source: 'online',
      bookedAt: '2026-11-20T13:05:00.000Z',
    },
    service: {
      name: 'Détartrage',
      price: 45,
      duration: 30,
      notes: '',
      prerequisites: 'Apportez votre carte Vitale.',
      group: 'Soins dentaires',
    },
    location: {
      name: 'Cabinet du Parc',
      city: 'Paris',
      phone: '+33142685300',
      address: '3 place du Parc, 75011 Paris',
      notes: 'Interphone 12',
    },
    delay: { minutes: 20, newStart: '2026-12-03T08:50:00.000Z' },
    dayList: {
      date: '2026-12-03T00:00:00.000+01:00',
      count: 2,
      appointments: [
        { start: '2026-12-03T08:30:00.000Z', patientName: 'Léa Martin', serviceName: 'Détartrage' },
        { start: '2026-12-03T09:15:00.000Z', patientName: 'Hugo Petit', serviceName: 'Contrôle' },
      ],
    },
    user: { name: 'Claire, accueil' },
    appointments: {
      list: [
        {
          start: '2026-12-03T08:30:00.000Z',
          serviceName: 'Détartrage',
          resourceName: 'Dr Hugo Bernard',
          locationName: 'Cabinet du Parc',
        },
        {
          start: '2026-12-03T10:00:00.000Z',
          serviceName: 'Contrôle',
          resourceName: 'Dr Anne Leroy',
          locationName: 'Cabinet du Parc',
        },
      ],
    },
    links: {
      confirm: 'https://rdv.cabinet-du-parc.example/p/Hk2mX9aT7bLp1zQc',
      cancel: 'https://rdv.cabinet-du-parc.example/p/Wq8nR3vY6cJd0sTe',
      reschedule: 'https://rdv.cabinet-du-parc.example/p/Bv5tL1kP4hGz7xNa',
      calendar: 'https://rdv.cabinet-du-parc.example/p/Tz9sK2dW5mQ8rVb3',
      preferences: 'https://rdv.cabinet-du-parc.example/p/Jm4cX7nE2uR9wKa6',
    },
  };
}

/** Fills the parts a caller left out from the sample context, group by group. */
export function completeMessageContext(partial: PartialMessageContext = {}): MessageContext {
  const sample = sampleMessageContext();
  const result = { ...sample } as Record<string, unknown>;
  for (const [group, values] of Object.entries(partial)) {
    const base = (sample as unknown as Record<string, object>)[group] ?? {};
    result[group] = { ...base, ...(values as object) };
  }
  return result as unknown as MessageContext;
}

/**
 * The context a stored run's message is written from: its template data, with the parts the message is not
 * about (no appointment for a recall, say) empty, so that using them is an error, and the clinic's `details`
 * under the data's own clinic fields, in `language`.
 */
export function runMessageContext(
  data: Record<string, unknown>,
  clinic: { details?: object; language: string },
): MessageContext {
  const given = Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== undefined && value !== null),
  );
  return {
    patient: {},
    appointment: {},
    resource: {},
    service: {},
    location: {},
    ...given,
    clinic: { ...clinic.details, ...((data.clinic as object | undefined) ?? {}), language: clinic.language },
  } as unknown as MessageContext;
}
