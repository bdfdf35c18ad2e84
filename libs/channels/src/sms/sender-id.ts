/** What kind of SMS sender a clinic uses: a name (alphanumeric) or a phone number. */
export type SenderIdKind = 'alphanumeric' | 'phone-number';

/** The verdict on a sender id: its kind and whether patients can reply to it, or why it is refused. */
export type SenderIdCheck =
  | { valid: true; kind: SenderIdKind; canReceiveReplies: boolean; normalised: string }
  | { valid: false; reason: string };

const ALPHANUMERIC = /^[A-Za-z0-9 ]{1,11}$/;
const HAS_LETTER = /[A-Za-z]/;
const PHONE = /^\+?[0-9]{3,15}$/;

/** Checks an SMS sender id (C2): 1–11 of A–Z a–z 0–9 and space with a letter, or a phone number. */
export function checkSenderId(senderId: string): SenderIdCheck {
  const value = senderId.trim();
  if (!value) return { valid: false, reason: 'The sender id is empty.' };
  const digits = value.replace(/[\s.-]/g, '');
  if (!HAS_LETTER.test(value) && PHONE.test(digits)) {
    return { valid: true, kind: 'phone-number', canReceiveReplies: true, normalised: digits };
  }
  if (!HAS_LETTER.test(value)) {
    return { valid: false, reason: 'A sender name needs at least one letter, or give a phone number.' };
  }
  if (value.length > 11) {
    return {
      valid: false,
      reason: `A sender name has at most 11 characters ("${value}" has ${value.length}).`,
    };
  }
  if (!ALPHANUMERIC.test(value)) {
    return {
      valid: false,
      reason: 'A sender name may only use the letters A–Z, a–z, the digits 0–9 and spaces.',
    };
  }
  return { valid: true, kind: 'alphanumeric', canReceiveReplies: false, normalised: value };
}

/** True when patients can reply to this sender: only a phone number can receive replies (C2, F4). */
export function senderCanReceiveReplies(senderId: string): boolean {
  const check = checkSenderId(senderId);
  return check.valid && check.canReceiveReplies;
}
