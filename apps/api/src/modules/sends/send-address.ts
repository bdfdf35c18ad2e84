import { inspectTemplate, normaliseMobileNumber, normalisePhoneNumber } from '@clinicflow/channels';
import type { Channel, MessageTemplate } from '@clinicflow/rules';
import { z } from 'zod';
import type { PatientDocument } from '../directory/directory.repository';
import type { SendTemplate } from './send.dto';

export type Address = { ok: true; address: string } | { ok: false; reason: string };

/** An address typed by staff, checked and normalised for the channel (E.164 for phones, T4). */
export function addressFor(channel: Channel, input: string, country: string): Address {
  if (channel === 'email') {
    const email = z.email().safeParse(input.trim());
    return email.success
      ? { ok: true, address: email.data.toLowerCase() }
      : { ok: false, reason: `"${input}" is not an e-mail address.` };
  }
  const number =
    channel === 'sms' ? normaliseMobileNumber(input, country) : normalisePhoneNumber(input, country);
  return number.valid ? { ok: true, address: number.e164 } : { ok: false, reason: number.reason };
}

/** A patient's address on a channel, or why there is none. */
export function patientAddress(channel: Channel, patient: PatientDocument): Address {
  if (channel === 'email') {
    return patient.email
      ? { ok: true, address: patient.email }
      : { ok: false, reason: 'The patient has no e-mail address.' };
  }
  if (patient.mobile) return { ok: true, address: patient.mobile };
  return {
    ok: false,
    reason: patient.mobileProblem?.reason ?? 'The patient has no mobile number.',
  };
}

export function patientName(patient: PatientDocument): string {
  return [patient.firstName, patient.lastName].filter(Boolean).join(' ');
}

/** The delivery's template: the saved one, or the text written for this send in its language. */
export function messageTemplateOf(template: SendTemplate, language: string): MessageTemplate {
  if (template.templateId) return { templateId: template.templateId };
  return {
    byLanguage: {
      [language]: { body: template.body!, ...(template.subject ? { subject: template.subject } : {}) },
    },
  };
}

/** What a message about no particular patient cannot show: nothing is known of a patient or appointment. */
const PATIENT_PARTS = ['patient', 'appointment', 'service', 'resource', 'location', 'delay'];

/**
 * Problems of the text written for a send, each naming its field (`body.template.body`): bad syntax, an
 * unknown helper, and, for a message to a bare number or address, a patient's or appointment's field.
 */
export function sendTemplateProblems(template: SendTemplate, withPatient: boolean) {
  const problems: { path: string; message: string }[] = [];
  for (const field of ['body', 'subject'] as const) {
    const source = template[field];
    if (source === undefined) continue;
    const inspected = inspectTemplate(source);
    for (const problem of inspected.problems) {
      problems.push({
        path: `body.template.${field}`,
        message: `${problem.message} (line ${problem.line}, column ${problem.column})`,
      });
    }
    if (withPatient) continue;
    for (const variable of inspected.variables) {
      if (PATIENT_PARTS.includes(variable.path.split('.')[0])) {
        problems.push({
          path: `body.template.${field}`,
          message: `{{${variable.path}}} cannot be filled: the message is not about a patient (line ${variable.line}, column ${variable.column})`,
        });
      }
    }
  }
  return problems;
}
