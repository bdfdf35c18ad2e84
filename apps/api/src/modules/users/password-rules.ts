import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from '@clinicflow/contract';

/** How many of the most common passwords a new password is checked against. */
export const COMMON_PASSWORDS_CHECKED = 10_000;

let common: Set<string> | undefined;

/**
 * The 10 000 most common passwords, by frequency, from zxcvbn-ts's common-language list (built from leaked
 * password corpora, kept up to date by that project): compared in lower case.
 */
function commonPasswords(): Set<string> {
  common ??= new Set(
    (dictionary['passwords-common'] as string[])
      .slice(0, COMMON_PASSWORDS_CHECKED)
      .map((p) => p.toLowerCase()),
  );
  return common;
}

/**
 * Why a new password is refused, or null: at least 12 characters and not one of the most common passwords nor
 * the user's own e-mail. No composition rule (digits, symbols…): length is what makes a password hard to guess
 * (NIST SP 800-63B).
 */
export function passwordProblem(password: string, email?: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `at least ${PASSWORD_MIN_LENGTH} characters`;
  const folded = password.toLowerCase();
  if (commonPasswords().has(folded)) return 'too common: it is one of the most used passwords';
  if (email && (folded === email.toLowerCase() || folded === email.toLowerCase().split('@')[0])) {
    return 'must not be the e-mail address';
  }
  return null;
}
