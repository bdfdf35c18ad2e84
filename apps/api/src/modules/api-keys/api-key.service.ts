import { Injectable } from '@nestjs/common';
import { API_KEY_SCOPES, DEFAULT_API_KEY_SCOPES, type ApiKeyScope } from '@clinicflow/contract';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import type { Principal } from '../../http/principal';
import { AuditService } from '../audit/audit.service';
import { ApiKeyDocument, ApiKeyRepository } from './api-key.repository';

/** `lastUsedAt` is written at most this often per key: a busy PMS must not turn every request into a write. */
export const LAST_USED_PRECISION_MS = 60_000;

const KEY_PATTERN = /^cf_([0-9a-f]{16})\.([A-Za-z0-9_-]{32})$/;

function sha256(text: string) {
  return createHash('sha256').update(text).digest('hex');
}

/** What a stored key may do: its scopes, or `events` for a key stored before keys had scopes. */
function scopesOf(key: ApiKeyDocument): ApiKeyScope[] {
  return key.scopes?.length ? key.scopes : [...DEFAULT_API_KEY_SCOPES];
}

export function toApiKeyView(key: ApiKeyDocument) {
  return {
    id: key._id,
    name: key.name,
    createdBy: key.createdBy ?? null,
    prefix: key.prefix,
    scopes: scopesOf(key),
    createdAt: key.createdAt,
    revokedAt: key.revokedAt,
    lastUsedAt: key.lastUsedAt,
  };
}

/**
 * API keys of a clinic for its practice-management system. A key is `cf_<id>.<secret>`: the id finds the
 * stored document by `_id`, the secret is kept only as a sha256 (keys are 192 random bits, so a slow hash
 * adds nothing), and the whole key is shown once, when it is created.
 */
@Injectable()
export class ApiKeyService {
  constructor(
    private readonly apiKeys: ApiKeyRepository,
    private readonly clock: ClockRepository,
    private readonly audit: AuditService,
  ) {}

  /** A new key with these scopes (`events` when none are given), listed in the scopes' own order. */
  async create(principal: Principal, name: string, scopes: readonly ApiKeyScope[] = DEFAULT_API_KEY_SCOPES) {
    const id = randomBytes(8).toString('hex');
    const secret = randomBytes(24).toString('base64url');
    const key = await this.apiKeys.add(principal.clinicId, {
      _id: id,
      name,
      secretHash: sha256(secret),
      prefix: `cf_${id}`,
      scopes: scopes.length ? API_KEY_SCOPES.filter((s) => scopes.includes(s)) : [...DEFAULT_API_KEY_SCOPES],
      createdAt: this.clock.now(),
      createdBy: principal.email ?? principal.apiKeyId ?? 'system',
      createdByUserId: principal.userId ?? null,
      revokedAt: null,
      lastUsedAt: null,
    });
    await this.audit.record(principal, {
      action: 'api-key.created',
      target: { type: 'api-key', id: key._id, label: key.name },
      details: { scopes: [...(key.scopes ?? [])] },
    });
    return { ...toApiKeyView(key), key: `cf_${id}.${secret}` };
  }

  async list(clinicId: string) {
    return (await this.apiKeys.ofClinic(clinicId)).map(toApiKeyView);
  }

  async revoke(principal: Principal, id: string) {
    const key = await this.apiKeys.revoke(principal.clinicId, id, this.clock.now());
    if (!key) throw AppError.notFound(`No API key ${id}`);
    await this.audit.record(principal, {
      action: 'api-key.revoked',
      target: { type: 'api-key', id: key._id, label: key.name },
    });
    return toApiKeyView(key);
  }

  /** The clinic of a presented key, or null when the key is malformed, unknown or revoked. */
  async authenticate(presented: string): Promise<Principal | null> {
    const match = KEY_PATTERN.exec(presented);
    if (!match) return null;
    const key = await this.apiKeys.findForAuthentication(match[1]);
    if (!key || key.revokedAt) return null;
    const expected = Buffer.from(key.secretHash, 'hex');
    if (!timingSafeEqual(expected, Buffer.from(sha256(match[2]), 'hex'))) return null;
    const now = this.clock.now();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
      await this.apiKeys.markUsed(key, now);
    }
    return {
      clinicId: key.clinicId,
      kind: 'api-key',
      apiKeyId: key._id,
      apiKeyName: key.name,
      scopes: scopesOf(key),
    };
  }
}
