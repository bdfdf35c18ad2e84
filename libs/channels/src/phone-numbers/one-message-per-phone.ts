import { normalisePhoneNumber } from './phone-number';

/** The recipients kept for a batch and those left out, each with why (F11). */
export interface OnePerPhoneResult<T> {
  kept: T[];
  left: { recipient: T; reason: string; sameAs?: T }[];
}

/** Keeps the first recipient of each phone number (compared in E.164) and leaves the others out (F11). */
export function oneMessagePerPhone<T>(
  recipients: readonly T[],
  phoneOf: (recipient: T) => string,
  defaultCountry: string,
): OnePerPhoneResult<T> {
  const firstByNumber = new Map<string, T>();
  const result: OnePerPhoneResult<T> = { kept: [], left: [] };
  for (const recipient of recipients) {
    const number = normalisePhoneNumber(phoneOf(recipient), defaultCountry);
    if (!number.valid) {
      result.left.push({ recipient, reason: number.reason });
      continue;
    }
    const first = firstByNumber.get(number.e164);
    if (first !== undefined) {
      result.left.push({
        recipient,
        reason: `Same phone number (${number.e164}) as another recipient.`,
        sameAs: first,
      });
      continue;
    }
    firstByNumber.set(number.e164, recipient);
    result.kept.push(recipient);
  }
  return result;
}
