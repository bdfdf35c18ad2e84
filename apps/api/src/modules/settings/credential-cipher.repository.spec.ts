import type { ConfigService } from '@nestjs/config';
import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Env } from '../../config/env';
import { CredentialCipherRepository, CredentialsUnreadableError } from './credential-cipher.repository';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);
const credentials = { password: 'smpp-secret', user: 'cabinet' };

function cipherWith(secret: string, previous: string[] = []) {
  const values = { APP_SECRET: secret, APP_SECRET_PREVIOUS: previous };
  return new CredentialCipherRepository({
    get: (key: keyof typeof values) => values[key],
  } as unknown as ConfigService<Env, true>);
}

/** Credentials as the cipher sealed them before key ids (`v1.<iv>.<tag>.<data>`). */
function sealedV1(secret: string, value: object): string {
  const key = Buffer.from(hkdfSync('sha256', secret, 'clinicflow', 'provider-credentials', 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return ['v1', ...[iv, cipher.getAuthTag(), data].map((p) => p.toString('base64url'))].join('.');
}

describe(CredentialCipherRepository.name, () => {
  it('should seal with the key id of APP_SECRET, and open it again, never showing the credentials', () => {
    const sut = cipherWith(A);
    const sealed = sut.encrypt(credentials);
    expect(sealed).toMatch(/^v2\.[\w-]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('smpp-secret');
    expect(sut.isCurrent(sealed)).toBe(true);
    expect(sut.decrypt(sealed)).toEqual(credentials);
  });

  it('should open credentials sealed under a previous secret, and tell they are not current', () => {
    const sealedUnderA = cipherWith(A).encrypt(credentials);
    const sut = cipherWith(B, [A]);
    expect(sut.isCurrent(sealedUnderA)).toBe(false);
    expect(sut.decrypt(sealedUnderA)).toEqual(credentials);
    const again = sut.encrypt(sut.decrypt(sealedUnderA));
    expect(sut.isCurrent(again)).toBe(true);
    expect(cipherWith(B).decrypt(again)).toEqual(credentials);
    expect(() => cipherWith(A).decrypt(again)).toThrow(CredentialsUnreadableError);
  });

  it.each([
    { title: 'under the current secret', secret: A, previous: [] },
    { title: 'under a previous secret', secret: B, previous: [C, A] },
  ])('should open credentials sealed before key ids $title', ({ secret, previous }) => {
    const sut = cipherWith(secret, previous);
    const sealed = sealedV1(A, credentials);
    expect(sut.decrypt(sealed)).toEqual(credentials);
    expect(sut.isCurrent(sealed)).toBe(false);
  });

  it.each([
    { title: 'sealed under a secret no longer configured', sealed: () => cipherWith(A).encrypt(credentials) },
    { title: 'sealed before key ids under an unknown secret', sealed: () => sealedV1(A, credentials) },
    { title: 'tampered with', sealed: () => cipherWith(B).encrypt(credentials).slice(0, -4) + 'AAAA' },
    { title: 'not sealed at all', sealed: () => 'nonsense' },
  ])('should refuse credentials $title with a message that names what to do', ({ sealed }) => {
    expect(() => cipherWith(B).decrypt(sealed())).toThrow(/APP_SECRET_PREVIOUS/);
  });
});
