import type { AppointmentResponse } from '@medplum/fhirtypes';

/** A patient's answer to an appointment's question, as the clinic's PMS is to learn it. */
export interface PatientAnswer {
  /** The appointment's id in the PMS (`externalId`). */
  appointmentExternalId: string;
  answer: 'confirmed' | 'declined';
  /** When the patient answered. */
  at: Date;
  /** The channel the answer came by, for the note (`sms`, `email`, `voice`). */
  channel?: string | null;
}

/**
 * The answer as FHIR says it: an `AppointmentResponse` of the patient (`accepted` or `declined`) to the PMS's
 * `Appointment/<externalId>`, to be POSTed to its FHIR server.
 */
export function appointmentResponseOf(answer: PatientAnswer): AppointmentResponse {
  return {
    resourceType: 'AppointmentResponse',
    appointment: { reference: `Appointment/${answer.appointmentExternalId}` },
    participantStatus: answer.answer === 'confirmed' ? 'accepted' : 'declined',
    comment: `${answer.answer === 'confirmed' ? 'Confirmed' : 'Declined'} by the patient${
      answer.channel ? ` by ${answer.channel}` : ''
    } (clinicflow, ${answer.at.toISOString()})`,
  };
}

/** What the HL7 answer's MSH says of who sends it to whom. */
export interface Hl7Route {
  /** The message control id (MSH-10): the same on every attempt. */
  controlId: string;
  /** The clinic's PMS facility (MSH-6), the one its SIU messages name in MSH-4. */
  facility: string;
}

const hl7Time = (at: Date) => at.toISOString().replace(/[-:T]/g, '').slice(0, 14) + '+0000';
const safe = (text: string) => text.replace(/[|^~\\&\r\n]/g, ' ');

/**
 * The answer as HL7 says it: SIU^S14 (appointment modified) of the PMS's appointment (SCH-1 and SCH-2 its id),
 * SCH-25 `Confirmed`, or `Cancelled` for a patient who declined, and an NTE saying so; UTF-8 declared.
 */
export function appointmentAnswerMessage(answer: PatientAnswer, route: Hl7Route): string {
  const status = answer.answer === 'confirmed' ? 'Confirmed' : 'Cancelled';
  const note = `${answer.answer === 'confirmed' ? 'Confirmed' : 'Declined'} by the patient${
    answer.channel ? ` by ${answer.channel}` : ''
  } (clinicflow)`;
  const id = safe(answer.appointmentExternalId);
  const sch = ['SCH', id, id, ...Array<string>(22).fill(''), status];
  return [
    ['MSH', '^~\\&', 'CLINICFLOW', 'CLINICFLOW', 'PMS', safe(route.facility), hl7Time(answer.at), '']
      .concat([
        'SIU^S14^SIU_S12',
        safe(route.controlId),
        'P',
        '2.5.1',
        '',
        '',
        'AL',
        'NE',
        '',
        'UNICODE UTF-8',
      ])
      .join('|'),
    sch.join('|'),
    `NTE|1||${note}`,
  ].join('\r');
}
