import type { ConsentPurpose, EvaluationContext } from '../context/evaluation-context.schema';
import type { MessagePurpose } from '../flow/send-node.schema';
import { contextWith } from '../testing/fixtures';
import { CONSENT_PURPOSE_OF, hasConsent } from './channel-gates';

type Mode = NonNullable<EvaluationContext['clinic']['consentMode']>;

/** A context for one SMS decision: the clinic's mode and purposes, the patient's SMS record (or none). */
function context(
  mode: Mode,
  clinicPurposes: ConsentPurpose[] | undefined,
  sms: { granted: boolean; purposes: ConsentPurpose[] } | undefined,
): EvaluationContext {
  return contextWith({
    clinic: { timeZone: 'Europe/Paris', consentMode: mode, consentPurposes: clinicPurposes },
    patient: {
      consent: sms === undefined ? {} : { sms: sms.granted },
      consentPurposes: sms === undefined ? {} : { sms: sms.purposes },
    },
  });
}

describe('CONSENT_PURPOSE_OF', () => {
  it.each<[MessagePurpose, ConsentPurpose | null]>([
    ['reminder', 'reminders'],
    ['confirmation', 'reminders'],
    ['recall', 'recall'],
    ['thank-you', 'surveys'],
    ['notice', null],
    ['alert', null],
    ['staff', null],
  ])('should make a %s message need %p', (purpose, needed) => {
    expect(CONSENT_PURPOSE_OF[purpose]).toBe(needed);
  });
});

describe(hasConsent.name, () => {
  const all: ConsentPurpose[] = ['reminders', 'recall', 'surveys'];
  it.each<{
    title: string;
    mode: Mode;
    clinic?: ConsentPurpose[];
    sms?: { granted: boolean; purposes: ConsentPurpose[] };
    purpose?: MessagePurpose;
    answer: string | null;
  }>([
    // the consent modes, as before purposes were read
    {
      title: 'nobody',
      mode: 'nobody',
      sms: { granted: true, purposes: [] },
      answer: "the clinic's consent mode sends SMS to nobody",
    },
    {
      title: 'withdrawn',
      mode: 'all-with-valid-contact',
      sms: { granted: false, purposes: [] },
      answer: 'patient has withdrawn SMS consent',
    },
    {
      title: 'opt-in without a record',
      mode: 'opt-in',
      purpose: 'notice',
      answer: 'no SMS consent (the clinic asks for opt-in)',
    },
    {
      title: 'all with a valid contact, no record',
      mode: 'all-with-valid-contact',
      purpose: 'recall',
      answer: null,
    },
    // an empty list means every purpose (today's records)
    {
      title: 'opt-in, a record without purposes, a recall',
      mode: 'opt-in',
      clinic: all,
      sms: { granted: true, purposes: [] },
      purpose: 'recall',
      answer: null,
    },
    {
      title: 'opt-in, the clinic covers nothing named, a survey',
      mode: 'opt-in',
      clinic: [],
      sms: { granted: true, purposes: [] },
      purpose: 'thank-you',
      answer: null,
    },
    // the patient's list restricts, in every mode
    {
      title: 'a recall to a patient who agreed to reminders only',
      mode: 'opt-in',
      clinic: all,
      sms: { granted: true, purposes: ['reminders'] },
      purpose: 'recall',
      answer: "no consent for recall messages (the patient's SMS consent covers reminders)",
    },
    {
      title: 'a thank-you to a patient who agreed to reminders and recall, no opt-in',
      mode: 'all-with-valid-contact',
      sms: { granted: true, purposes: ['reminders', 'recall'] },
      purpose: 'thank-you',
      answer: "no consent for survey messages (the patient's SMS consent covers reminders and recall)",
    },
    {
      title: 'a confirmation request to a patient who agreed to reminders',
      mode: 'opt-in',
      sms: { granted: true, purposes: ['reminders'] },
      purpose: 'confirmation',
      answer: null,
    },
    {
      title: 'a notice, whatever the patient agreed to',
      mode: 'opt-in',
      clinic: ['reminders'],
      sms: { granted: true, purposes: ['recall'] },
      purpose: 'notice',
      answer: null,
    },
    {
      title: 'an alert, whatever the patient agreed to',
      mode: 'opt-in',
      sms: { granted: true, purposes: ['surveys'] },
      purpose: 'alert',
      answer: null,
    },
    // the clinic's list restricts in opt-in mode only
    {
      title: 'opt-in, the clinic covers reminders only, a recall',
      mode: 'opt-in',
      clinic: ['reminders'],
      sms: { granted: true, purposes: [] },
      purpose: 'recall',
      answer: "no consent for recall messages (the clinic's consent covers reminders)",
    },
    {
      title: 'opt-in, the clinic covers reminders and surveys, a reminder',
      mode: 'opt-in',
      clinic: ['reminders', 'surveys'],
      sms: { granted: true, purposes: [] },
      purpose: 'reminder',
      answer: null,
    },
    {
      title: 'no opt-in, the clinic covers reminders only, a recall',
      mode: 'all-with-valid-contact',
      clinic: ['reminders'],
      purpose: 'recall',
      answer: null,
    },
    {
      title: 'a step without a purpose',
      mode: 'opt-in',
      clinic: ['reminders'],
      sms: { granted: true, purposes: ['reminders'] },
      answer: null,
    },
  ])('should answer $title', ({ mode, clinic, sms, purpose, answer }) => {
    expect(hasConsent('sms', context(mode, clinic, sms), purpose)).toBe(answer);
  });
});
