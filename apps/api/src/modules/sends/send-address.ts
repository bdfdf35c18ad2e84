import { inspectTemplate, normaliseNumberFor } from '@clinicflow/channels';
import {
  templateData,
  templateFieldsForSend,
  type Channel,
  type EvaluationContext,
  type MessageTemplate,
  type SendSubject,
} from '@clinicflow/rules';
import { z } from 'zod';
import type { PatientDocument } from '../directory/directory.repository';
import type { TemplateDocument } from '../templates/template.repository';
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
  const number = normaliseNumberFor(channel, input, country);
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

/** Why a send cannot fill a variable the rules' `templateFieldsForSend` leaves out for it. */
const UNFILLABLE: Record<SendSubject, string> = {
  nobody: 'the message is not about a patient',
  patient: 'the message is about a patient, not an appointment',
  appointment: 'a batch send has no such value',
};

/** The problems of one text of a send: its syntax, its helpers, and the variables the send cannot fill. */
function textProblems(source: string, subject: SendSubject): string[] {
  const inspected = inspectTemplate(source);
  const problems = inspected.problems.map(
    (problem) => `${problem.message} (line ${problem.line}, column ${problem.column})`,
  );
  const shown = templateFieldsForSend(subject).map((field) => field.path);
  for (const variable of inspected.variables) {
    // a variable inside {{#each}} or {{#with}} is read from that block's value, not from the message's data
    if (!variable.topLevel) continue;
    if (shown.some((path) => path === variable.path || path.startsWith(`${variable.path}.`))) continue;
    problems.push(
      `{{${variable.path}}} cannot be filled: ${UNFILLABLE[subject]} (line ${variable.line}, column ${variable.column})`,
    );
  }
  return problems;
}

/**
 * Problems of the text written for a send, each naming its field (`body.template.body`): bad syntax, an
 * unknown helper, and a variable the send cannot fill (the rules' one catalogue, `templateFieldsForSend`: no
 * patient's field in a message to a bare number, no appointment's in a one-off message, the sending user in
 * every send).
 */
export function sendTemplateProblems(template: SendTemplate, subject: SendSubject) {
  const problems: { path: string; message: string }[] = [];
  for (const field of ['body', 'subject'] as const) {
    const source = template[field];
    if (source === undefined) continue;
    for (const message of textProblems(source, subject)) {
      problems.push({ path: `body.template.${field}`, message });
    }
  }
  return problems;
}

/** The same problems in a saved template's texts, named on `body.template.templateId` with their language. */
export function savedTemplateProblems(saved: Pick<TemplateDocument, 'variants'>, subject: SendSubject) {
  const problems: { path: string; message: string }[] = [];
  for (const [language, variant] of Object.entries(saved.variants)) {
    for (const source of [variant?.subject, variant?.body, variant?.html]) {
      if (source === undefined || source === null) continue;
      for (const message of textProblems(source, subject)) {
        problems.push({ path: 'body.template.templateId', message: `${language}: ${message}` });
      }
    }
  }
  return problems;
}

/** Every text of a send: the one written for it, or its saved template's in every language. */
export function sendTexts(
  template: SendTemplate,
  saved: Pick<TemplateDocument, 'variants'> | null,
): string[] {
  const variants = saved ? Object.values(saved.variants) : [];
  return [template.body, template.subject, ...variants.flatMap((v) => [v?.body, v?.subject, v?.html])].filter(
    (text): text is string => typeof text === 'string',
  );
}

/** Whether a send's texts show the patient's next appointment, which costs a read of their appointments. */
export function showsNextAppointment(texts: readonly (string | null | undefined)[]): boolean {
  return texts.some((text) => text?.includes('nextAppointmentAt') ?? false);
}

/** The data a send's message is written with: its context's, and the user who sends it (`{{user.name}}`). */
export function sendTemplateData(
  context: EvaluationContext | null,
  now: Date,
  user: { name: string },
): Record<string, unknown> {
  return { ...(context ? templateData(context, now.toISOString()) : {}), user };
}
