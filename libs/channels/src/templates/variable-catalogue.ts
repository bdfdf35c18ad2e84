/** One merge variable a template may use: its path, what it means, an example, the tuOtempO code. */
export interface TemplateVariable {
  path: string;
  group:
    | 'clinic'
    | 'patient'
    | 'resource'
    | 'appointment'
    | 'service'
    | 'insurance'
    | 'location'
    | 'links'
    | 'reply'
    | 'delay';
  description: string;
  example: string;
  /** The code tuOtempO's manual uses for the same value (C3), for migrating templates. */
  legacyCode?: string;
}

/** The helpers templates may call, with how to call them. */
export const TEMPLATE_HELPERS = [
  { name: 'date', usage: '{{date appointment.start "EEEE d MMMM"}}', description: 'A date in the patient\'s language and the clinic\'s zone, with luxon tokens (default: the language\'s numeric date).' },
  { name: 'time', usage: '{{time appointment.start}}', description: 'A time of day, "09:30".' },
  { name: 'weekday', usage: '{{weekday appointment.start}}', description: 'The day of the week, "jeudi".' },
  { name: 'relativeDay', usage: '{{relativeDay appointment.start}}', description: 'The day relative to now: "demain", "mañana", "i morgen".' },
  { name: 'number', usage: '{{number service.duration}}', description: 'A number written the way the language writes it.' },
  { name: 'price', usage: '{{price service.price}}', description: 'An amount in the clinic\'s currency, "45,00 €".' },
] as const; // prettier-ignore

/**
 * Every merge variable, as data the editor can list with descriptions (covers tuOtempO's list, C3). Every field
 * the rules library lets a template use (its `contextFieldCatalogue`, `inTemplates`) is here under the same path;
 * `cross-library.spec.ts` keeps it so.
 */
export const TEMPLATE_VARIABLES: readonly TemplateVariable[] = [
  { path: 'clinic.name', group: 'clinic', description: 'Name of the clinic', example: 'Cabinet du Parc', legacyCode: 'TRD0' },
  { path: 'clinic.phone', group: 'clinic', description: 'Phone number of the clinic', example: '+33142685300', legacyCode: 'TRD1' },
  { path: 'clinic.website', group: 'clinic', description: 'Website of the clinic', example: 'https://cabinet-du-parc.example', legacyCode: 'TRD38' },
  { path: 'clinic.email', group: 'clinic', description: 'E-mail address of the clinic', example: 'contact@cabinet-du-parc.example' },
  { path: 'patient.firstName', group: 'patient', description: 'First name of the patient', example: 'Léa', legacyCode: 'TRD3' },
  { path: 'patient.lastName', group: 'patient', description: 'Last name of the patient', example: 'Martin', legacyCode: 'TRD4' },
  { path: 'patient.mobile', group: 'patient', description: 'Mobile number of the patient', example: '+33612345678', legacyCode: 'TRD35' },
  { path: 'patient.address', group: 'patient', description: 'Postal address of the patient', example: '12 rue des Lilas, 75011 Paris', legacyCode: 'TRD36' },
  { path: 'patient.email', group: 'patient', description: 'E-mail address of the patient', example: 'lea.martin@example.org' },
  { path: 'patient.language', group: 'patient', description: 'Language code of the patient ("fr")', example: 'fr' },
  { path: 'patient.nextAppointmentAt', group: 'patient', description: 'Start instant of the patient\'s next appointment, for the date and time helpers', example: '2027-06-03T07:30:00.000Z' },
  { path: 'resource.name', group: 'resource', description: 'Name of the practitioner or room', example: 'Dr Hugo Bernard', legacyCode: 'TRD5' },
  { path: 'resource.address', group: 'resource', description: 'Address of the practitioner', example: '3 place du Parc, 75011 Paris', legacyCode: 'TRD6' },
  { path: 'resource.phone', group: 'resource', description: 'Phone number of the practitioner', example: '+33142685301', legacyCode: 'TRD7' },
  { path: 'appointment.date', group: 'appointment', description: 'Date of the appointment (dd/mm/yyyy)', example: '03/12/2026', legacyCode: 'TRD8' },
  { path: 'appointment.shortDate', group: 'appointment', description: 'Date of the appointment (dd/mm)', example: '03/12', legacyCode: 'TRD26' },
  { path: 'appointment.longDate', group: 'appointment', description: 'Date in words ("jeudi 3 décembre")', example: 'jeudi 3 décembre', legacyCode: 'TRD31' },
  { path: 'appointment.month', group: 'appointment', description: 'Month of the appointment ("décembre")', example: 'décembre', legacyCode: 'TRD32' },
  { path: 'appointment.weekday', group: 'appointment', description: 'Day of the week ("jeudi")', example: 'jeudi', legacyCode: 'TRD25' },
  { path: 'appointment.dayOfMonth', group: 'appointment', description: 'Day of the month ("3")', example: '3', legacyCode: 'TRD33' },
  { path: 'appointment.startTime', group: 'appointment', description: 'Start time ("09:30")', example: '09:30', legacyCode: 'TRD9' },
  { path: 'appointment.endTime', group: 'appointment', description: 'End time ("10:00")', example: '10:00', legacyCode: 'TRD10' },
  { path: 'appointment.relativeDay', group: 'appointment', description: 'Day relative to the sending time ("demain")', example: 'demain' },
  { path: 'appointment.start', group: 'appointment', description: 'Start instant, for the date and time helpers', example: '2026-12-03T08:30:00.000Z' },
  { path: 'appointment.end', group: 'appointment', description: 'End instant, for the date and time helpers', example: '2026-12-03T09:00:00.000Z' },
  { path: 'appointment.notes', group: 'appointment', description: 'Notes of the appointment', example: '', legacyCode: 'TRD24' },
  { path: 'appointment.status', group: 'appointment', description: 'Status code: booked, confirmed, cancelled, attended, no_show', example: 'booked' },
  { path: 'appointment.confirmation', group: 'appointment', description: 'Confirmation code: pending, confirmed, declined', example: 'pending' },
  { path: 'appointment.source', group: 'appointment', description: 'Who booked: online or staff', example: 'online' },
  { path: 'appointment.bookedAt', group: 'appointment', description: 'Booking instant, for the date and time helpers', example: '2026-11-20T13:05:00.000Z' },
  { path: 'appointment.previousStart', group: 'appointment', description: 'Start instant before a reschedule, for the date and time helpers', example: '2026-12-01T13:00:00.000Z' },
  { path: 'service.name', group: 'service', description: 'Name of the service (appointment type)', example: 'Détartrage', legacyCode: 'TRD11' },
  { path: 'service.price', group: 'service', description: 'Price of the service (use {{price service.price}})', example: '45', legacyCode: 'TRD12' },
  { path: 'service.duration', group: 'service', description: 'Duration of the service in minutes', example: '30', legacyCode: 'TRD13' },
  { path: 'service.notes', group: 'service', description: 'Notes of the service', example: '', legacyCode: 'TRD14' },
  { path: 'service.prerequisites', group: 'service', description: 'Prerequisites ("fast 12 h")', example: 'Apportez votre carte Vitale.', legacyCode: 'TRD23' },
  { path: 'service.group', group: 'service', description: 'Title of the service group', example: 'Soins dentaires', legacyCode: 'TRD37' },
  { path: 'insurance.name', group: 'insurance', description: 'Insurer of the patient', example: 'MGEN', legacyCode: 'TRD39' },
  { path: 'location.name', group: 'location', description: 'Name of the location', example: 'Cabinet du Parc', legacyCode: 'TRD27' },
  { path: 'location.city', group: 'location', description: 'City of the location', example: 'Paris', legacyCode: 'TRD28' },
  { path: 'location.phone', group: 'location', description: 'Phone number of the location', example: '+33142685300', legacyCode: 'TRD29' },
  { path: 'location.address', group: 'location', description: 'Address of the location', example: '3 place du Parc, 75011 Paris', legacyCode: 'TRD30' },
  { path: 'location.notes', group: 'location', description: 'Notes of the location (access, parking)', example: 'Interphone 12' },
  { path: 'links.confirm', group: 'links', description: 'Link the patient opens to confirm', example: 'https://cabinet-du-parc.example/r/abc/confirm' },
  { path: 'links.cancel', group: 'links', description: 'Link the patient opens to cancel', example: 'https://cabinet-du-parc.example/r/abc/cancel' },
  { path: 'links.optOut', group: 'links', description: 'Link to stop receiving messages', example: 'https://cabinet-du-parc.example/r/abc/stop' },
  { path: 'reply.confirm', group: 'reply', description: 'Keyword a patient replies to confirm ("C")', example: 'C' },
  { path: 'reply.cancel', group: 'reply', description: 'Keyword a patient replies to cancel ("N")', example: 'N' },
  { path: 'reply.stop', group: 'reply', description: 'Keyword a patient replies to stop messages ("STOP")', example: 'STOP' },
  { path: 'delay.minutes', group: 'delay', description: 'Minutes the practitioner is running late (resource alerts)', example: '20' },
  { path: 'delay.newStart', group: 'delay', description: 'New expected start instant (resource alerts; use {{time delay.newStart}})', example: '2026-12-03T08:50:00.000Z' },
]; // prettier-ignore

/** The set of variable paths a template may use. */
export const TEMPLATE_VARIABLE_PATHS: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES.map((v) => v.path));
