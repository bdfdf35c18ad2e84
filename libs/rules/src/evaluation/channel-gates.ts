import type { EvaluationContext } from '../context/evaluation-context.schema';
import type { Channel } from '../flow/flow-parts.schema';
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

/** The patient's consent for a channel under the clinic's consent mode (T3); null when consented. */
export function hasConsent(channel: Channel, context: EvaluationContext): string | null {
  const mode = context.clinic.consentMode ?? 'all-with-valid-contact';
  const consent = context.patient.consent?.[channel];
  const name = channelName(channel);
  if (mode === 'nobody') return `the clinic's consent mode sends ${name} to nobody`;
  if (consent === false) return `patient has withdrawn ${name} consent`;
  if (mode === 'opt-in' && consent !== true) return `no ${name} consent (the clinic asks for opt-in)`;
  return null;
}
