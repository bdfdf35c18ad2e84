import bcrypt from 'bcryptjs';
import { hashPassword, needsRehash, unknownUserHash, verifyPassword } from './password';

describe('password hashes', () => {
  it('should hash with argon2id and verify only the right password', async () => {
    const hash = await hashPassword('correct-horse-battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await verifyPassword('correct-horse-battery', hash)).toBe(true);
    expect(await verifyPassword('correct-horse-batterz', hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('should still verify a hash of the earlier bcrypt (off the event loop), and ask to replace it', async () => {
    const legacy = bcrypt.hashSync('an older password', 10);
    expect(await verifyPassword('an older password', legacy)).toBe(true);
    expect(await verifyPassword('another password', legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
  });

  it('should keep the event loop free while it hashes', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await Promise.all([hashPassword('a'), hashPassword('b'), hashPassword('c')]);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });

  it.each(['', 'not a hash', '$2b$10$short'])(
    'should refuse a stored value that is no hash: %p',
    async (hash) => {
      expect(await verifyPassword('anything', hash)).toBe(false);
    },
  );

  it('should keep one stand-in hash per process for unknown e-mails', async () => {
    const hash = await unknownUserHash();
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await unknownUserHash()).toBe(hash);
  });
});
