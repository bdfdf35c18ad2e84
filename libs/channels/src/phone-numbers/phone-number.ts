import type { Channel } from '@clinicflow/rules';
import { parsePhoneNumberFromString, type CountryCode, type NumberType } from 'libphonenumber-js/max';

/** Why a phone number cannot receive an SMS. */
export type PhoneNumberProblem = 'empty' | 'not-a-number' | 'invalid' | 'not-mobile';

/** A phone number normalised to E.164, or the reason it was refused (T4). */
export type NormalisedPhoneNumber =
  | { valid: true; e164: string; country: string | undefined; type: NumberType | undefined }
  | { valid: false; problem: PhoneNumberProblem; reason: string };

const MOBILE_TYPES: ReadonlySet<NumberType> = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/** Strips spaces, dashes, dots, slashes and brackets, and turns a leading 00 into +. */
export function cleanPhoneNumber(input: string): string {
  const compact = input.trim().replace(/[\s.\-/()\u00a0]/g, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}

/** Normalises a phone number to E.164 with the clinic's country as default (T4). */
export function normalisePhoneNumber(input: string, defaultCountry: string): NormalisedPhoneNumber {
  const cleaned = cleanPhoneNumber(input ?? '');
  if (!cleaned) return { valid: false, problem: 'empty', reason: 'No phone number.' };
  if (!/^\+?[0-9]+$/.test(cleaned)) {
    return { valid: false, problem: 'not-a-number', reason: `"${input}" is not a phone number.` };
  }
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isValid()) {
    return { valid: false, problem: 'invalid', reason: `"${input}" is not a valid phone number.` };
  }
  return { valid: true, e164: parsed.number, country: parsed.country, type: parsed.getType() };
}

/** Normalises a number that must receive SMS: refuses numbers that are not mobiles, with a reason (T4). */
export function normaliseMobileNumber(input: string, defaultCountry: string): NormalisedPhoneNumber {
  const result = normalisePhoneNumber(input, defaultCountry);
  if (!result.valid) return result;
  if (!result.type || !MOBILE_TYPES.has(result.type)) {
    const kind = result.type ? result.type.toLowerCase().replace(/_/g, ' ') : 'of an unknown kind';
    return {
      valid: false,
      problem: 'not-mobile',
      reason: `${result.e164} is not a mobile number (it is ${kind}), so it cannot receive SMS.`,
    };
  }
  return result;
}

/** Normalises a number for a channel: a written message (SMS, WhatsApp) needs a mobile, a call any phone. */
export function normaliseNumberFor(
  channel: Exclude<Channel, 'email'>,
  input: string,
  defaultCountry: string,
): NormalisedPhoneNumber {
  return channel === 'voice'
    ? normalisePhoneNumber(input, defaultCountry)
    : normaliseMobileNumber(input, defaultCountry);
}
