import type { ConsentPurpose, EvaluationContext } from '../context/evaluation-context.schema';
import type { Channel } from '../flow/flow-parts.schema';
import type { MessagePurpose } from '../flow/send-node.schema';
import { SkipReasonCode } from './skip-reason-code';

/** A reason a message cannot go out, with its code. */
export interface Gate {
  code: SkipReasonCode;
  reason: string;
}

const names: Record<Channel, string> = { sms: 'SMS', email: 'e-mail', voice: 'voice' };

/** The clinic's word for a channel. */
export function channelName(channel: Channel): string {
  return names[channel];
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Checks the master switch, the clinic, service and resource toggles (T1, T2) and, for the patient, preferences. */
export function channelAllowed(
  channel: Channel,
  context: EvaluationContext,
  toPatient: boolean,
): Gate | null {
  const name = channelName(channel);
  if (context.clinic.communicationsEnabled === false) {
    return {
      code: SkipReasonCode.CommunicationsOff,
      reason: 'all communications are switched off for the clinic',
    };
  }
  if (context.clinic.channels?.[channel] === false) {
    return { code: SkipReasonCode.ChannelOff, reason: `${capital(name)} is switched off for the clinic` };
  }
  if (context.service?.channels?.[channel] === false) {
    return {
      code: SkipReasonCode.ChannelOff,
      reason:
        `${capital(name)} is switched off for service ${context.service.name ?? context.service.id ?? ''}`.trim(),
    };
  }
  if (context.resource?.channels?.[channel] === false) {
    return {
      code: SkipReasonCode.ChannelOff,
      reason: `${capital(name)} is switched off for ${context.resource.name ?? context.resource.id ?? 'the resource'}`,
    };
  }
  const preferred = context.patient.preferredChannels;
  if (toPatient && preferred && preferred.length > 0 && !preferred.includes(channel)) {
    return {
      code: SkipReasonCode.NotPreferred,
      reason: `patient prefers ${preferred.map(channelName).join(', ')}`,
    };
  }
  return null;
}

/** The consent purpose each message purpose needs (T3); notices, alerts and staff messages need none. */
export const CONSENT_PURPOSE_OF: Readonly<Record<MessagePurpose, ConsentPurpose | null>> = {
  reminder: 'reminders',
  confirmation: 'reminders',
  'thank-you': 'surveys',
  recall: 'recall',
  notice: null,
  alert: null,
  staff: null,
};

const purposeWords: Record<ConsentPurpose, string> = {
  reminders: 'reminder',
  recall: 'recall',
  surveys: 'survey',
};

/** A list of what consent covers, in words ("reminders and recall"). */
function coverage(purposes: readonly ConsentPurpose[]): string {
  const words = purposes.map((p) => (p === 'recall' ? 'recall' : `${purposeWords[p]}s`));
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : words[0];
}

/**
 * The patient's consent for a channel under the clinic's consent mode (T3), and, for a message of `purpose`,
 * whether that consent covers it; null when it does. A list of purposes that is empty (or absent) covers every
 * purpose; a non-empty one only those it names. The clinic's list (what the consent it collects covers) applies
 * in opt-in mode only: elsewhere nobody's consent is needed, only a patient's own limits count.
 */
export function hasConsent(
  channel: Channel,
  context: EvaluationContext,
  purpose?: MessagePurpose,
): string | null {
  const mode = context.clinic.consentMode ?? 'all-with-valid-contact';
  const consent = context.patient.consent?.[channel];
  const name = channelName(channel);
  if (mode === 'nobody') return `the clinic's consent mode sends ${name} to nobody`;
  if (consent === false) return `patient has withdrawn ${name} consent`;
  if (mode === 'opt-in' && consent !== true) return `no ${name} consent (the clinic asks for opt-in)`;
  const needed = purpose ? CONSENT_PURPOSE_OF[purpose] : null;
  if (!needed) return null;
  const uncovered = `no consent for ${purposeWords[needed]} messages`;
  const patientPurposes = context.patient.consentPurposes?.[channel] ?? [];
  if (consent === true && patientPurposes.length > 0 && !patientPurposes.includes(needed)) {
    return `${uncovered} (the patient's ${name} consent covers ${coverage(patientPurposes)})`;
  }
  const clinicPurposes = context.clinic.consentPurposes ?? [];
  if (mode === 'opt-in' && clinicPurposes.length > 0 && !clinicPurposes.includes(needed)) {
    return `${uncovered} (the clinic's consent covers ${coverage(clinicPurposes)})`;
  }
  return null;
}
