import bcrypt from 'bcryptjs';

const ROUNDS = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, ROUNDS);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A hash to compare against when the e-mail is unknown, so both answers take the same time. */
export const UNKNOWN_USER_HASH = bcrypt.hashSync('not-a-user-password', ROUNDS);
