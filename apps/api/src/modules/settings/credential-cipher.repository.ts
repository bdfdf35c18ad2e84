import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Env } from '../../config/env';

/** A key that seals credentials, and its id (stored with what it sealed, so the right key opens it). */
interface CredentialKey {
  id: string;
  key: Buffer;
}

/** Sealed credentials that none of the configured secrets opens (APP_SECRET changed without APP_SECRET_PREVIOUS). */
export class CredentialsUnreadableError extends Error {
  constructor() {
    super(
      'The provider credentials were sealed under a secret that is neither APP_SECRET nor one of APP_SECRET_PREVIOUS: set the old secret in APP_SECRET_PREVIOUS, or enter the credentials again.',
    );
  }
}

/** The key a secret derives, and its id: both by HKDF with different labels, so the id says nothing of the key. */
function keyOf(secret: string): CredentialKey {
  return {
    id: Buffer.from(hkdfSync('sha256', secret, 'clinicflow', 'provider-credentials-key-id', 6)).toString(
      'base64url',
    ),
    key: Buffer.from(hkdfSync('sha256', secret, 'clinicflow', 'provider-credentials', 32)),
  };
}

/**
 * Seals provider credentials at rest with AES-256-GCM under a key derived from APP_SECRET, naming the key by
 * its id. Credentials sealed under a secret of APP_SECRET_PREVIOUS still open (so a new secret can take over);
 * `isCurrent` tells which ones to seal again under the current key.
 */
@Injectable()
export class CredentialCipherRepository {
  private readonly current: CredentialKey;
  /** Every key that may open: the current one first. */
  private readonly keys: CredentialKey[];

  constructor(config: ConfigService<Env, true>) {
    this.current = keyOf(config.get('APP_SECRET', { infer: true }));
    const previous = config.get('APP_SECRET_PREVIOUS', { infer: true }) ?? [];
    this.keys = [this.current, ...previous.map(keyOf)];
  }

  /** `v2.<key id>.<iv>.<tag>.<ciphertext>`, base64url parts; the key id is authenticated with the data. */
  encrypt(credentials: Record<string, string>): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(this.current.id));
    const data = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
    return [
      'v2',
      this.current.id,
      ...[iv, cipher.getAuthTag(), data].map((p) => p.toString('base64url')),
    ].join('.');
  }

  /** Opens sealed credentials with the key that sealed them; `CredentialsUnreadableError` when none does. */
  decrypt(sealed: string): Record<string, string> {
    const parts = sealed.split('.');
    if (parts[0] === 'v2') {
      const key = this.keys.find((k) => k.id === parts[1]);
      const opened = key && open(key.key, parts.slice(2), Buffer.from(key.id));
      if (opened) return opened;
      throw new CredentialsUnreadableError();
    }
    // v1 (before key ids): whichever key authenticates it sealed it.
    for (const { key } of this.keys) {
      const opened = open(key, parts.slice(1));
      if (opened) return opened;
    }
    throw new CredentialsUnreadableError();
  }

  /** Whether these credentials are sealed under the current key (nothing to seal again). */
  isCurrent(sealed: string): boolean {
    return sealed.startsWith(`v2.${this.current.id}.`);
  }
}

/** The credentials, or null when this key does not authenticate them. */
function open(key: Buffer, [iv, tag, data]: string[], aad?: Buffer): Record<string, string> | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    if (aad) decipher.setAAD(aad);
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as Record<string, string>;
  } catch {
    return null;
  }
}
