import type { ConsentPurpose, EvaluationContext } from '../context/evaluation-context.schema';
import type { Channel } from '../flow/flow-parts.schema';
import type { MessagePurpose } from '../flow/send-node.schema';
import { reasonOf, type Reason } from './reason';
import { SkipReasonCode } from './skip-reason-code';

/** A reason a message cannot go out: its code for reports, the sentence, and the reason the editor words. */
export interface Gate {
  code: SkipReasonCode;
  reason: string;
  why: Reason;
  /** A reminder merged into another one (`merged-same-day`): that one's delivery id, which names it. */
  mergedInto?: string;
}

const names: Record<Channel, string> = { sms: 'SMS', email: 'e-mail', voice: 'voice', whatsapp: 'WhatsApp' };

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
      why: reasonOf('communications-off'),
    };
  }
  if (context.clinic.channels?.[channel] === false) {
    return {
      code: SkipReasonCode.ChannelOff,
      reason: `${capital(name)} is switched off for the clinic`,
      why: reasonOf('channel-off-clinic', { channel }),
    };
  }
  if (context.service?.channels?.[channel] === false) {
    const service = context.service.name ?? context.service.id ?? '';
    return {
      code: SkipReasonCode.ChannelOff,
      reason: `${capital(name)} is switched off for service ${service}`.trim(),
      why: reasonOf('channel-off-service', { channel, service }),
    };
  }
  if (context.resource?.channels?.[channel] === false) {
    const resource = context.resource.name ?? context.resource.id ?? 'the resource';
    return {
      code: SkipReasonCode.ChannelOff,
      reason: `${capital(name)} is switched off for ${resource}`,
      why: reasonOf('channel-off-resource', { channel, resource }),
    };
  }
  const preferred = context.patient.preferredChannels;
  if (toPatient && preferred && preferred.length > 0 && !preferred.includes(channel)) {
    return {
      code: SkipReasonCode.NotPreferred,
      reason: `patient prefers ${preferred.map(channelName).join(', ')}`,
      why: reasonOf('not-preferred', { channel, channels: preferred.join(',') }),
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
  return consentGate(channel, context, purpose)?.reason ?? null;
}

/** `hasConsent` with the reason as a code too (the evaluator's and the dispatcher's skips carry both). */
export function consentGate(
  channel: Channel,
  context: EvaluationContext,
  purpose?: MessagePurpose,
): Gate | null {
  const mode = context.clinic.consentMode ?? 'all-with-valid-contact';
  const consent = context.patient.consent?.[channel];
  const name = channelName(channel);
  const gate = (reason: string, why: Reason): Gate => ({ code: SkipReasonCode.NoConsent, reason, why });
  if (mode === 'nobody')
    return gate(`the clinic's consent mode sends ${name} to nobody`, reasonOf('consent-nobody', { channel }));
  if (consent === false)
    return gate(`patient has withdrawn ${name} consent`, reasonOf('consent-withdrawn', { channel }));
  if (mode === 'opt-in' && consent !== true)
    return gate(`no ${name} consent (the clinic asks for opt-in)`, reasonOf('consent-opt-in', { channel }));
  const needed = purpose ? CONSENT_PURPOSE_OF[purpose] : null;
  if (!needed) return null;
  const uncovered = `no consent for ${purposeWords[needed]} messages`;
  const patientPurposes = context.patient.consentPurposes?.[channel] ?? [];
  if (consent === true && patientPurposes.length > 0 && !patientPurposes.includes(needed)) {
    return gate(
      `${uncovered} (the patient's ${name} consent covers ${coverage(patientPurposes)})`,
      reasonOf('consent-purpose-patient', { channel, purpose: needed, covers: patientPurposes.join(',') }),
    );
  }
  const clinicPurposes = context.clinic.consentPurposes ?? [];
  if (mode === 'opt-in' && clinicPurposes.length > 0 && !clinicPurposes.includes(needed)) {
    return gate(
      `${uncovered} (the clinic's consent covers ${coverage(clinicPurposes)})`,
      reasonOf('consent-purpose-clinic', { channel, purpose: needed, covers: clinicPurposes.join(',') }),
    );
  }
  return null;
}
