import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../common/app-error';
import type { Principal } from '../../http/principal';
import { AuditService } from '../audit/audit.service';
import { CredentialCipherRepository } from './credential-cipher.repository';
import { SettingsRepository, type SettingsDocument } from './settings.repository';

/** A new callback secret: 32 random bytes, hex (what a provider's console pastes without escaping). */
export function newCallbackSecret(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The per-clinic secret the sandbox's HTTP callbacks (`/api/providers/:clinicId/sandbox/{inbound,status}`) are
 * signed with: generated with the clinic, sealed like provider credentials, shown to managers and regenerable.
 * A callback of a clinic without one is refused (fail closed).
 */
@Injectable()
export class CallbackSecretService {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly cipher: CredentialCipherRepository,
    private readonly audit: AuditService,
  ) {}

  /** A sealed new secret, for a clinic being created. */
  sealedNew(): string {
    return this.cipher.encrypt({ callbackSecret: newCallbackSecret() });
  }

  /** The clinic's secret, or null when it has none or it cannot be opened (the callback is then refused). */
  secretOf(settings: SettingsDocument): string | null {
    const sealed = settings.sealedCallbackSecret;
    if (!sealed) return null;
    try {
      const secret = this.cipher.decrypt(sealed).callbackSecret ?? null;
      // Sealed under a previous APP_SECRET: seal it again under the current one (the write loses to a change).
      if (secret && !this.cipher.isCurrent(sealed)) {
        void this.settings
          .setCallbackSecret(settings._id, this.cipher.encrypt({ callbackSecret: secret }), {
            current: sealed,
          })
          .catch(() => undefined);
      }
      return secret;
    } catch {
      return null;
    }
  }

  /** The secret shown in the provider settings; made now for a clinic created before secrets existed. */
  async reveal(clinicId: string): Promise<{ secret: string }> {
    const settings = await this.settings.findForClinic(clinicId);
    if (!settings) throw AppError.notFound('This clinic has no settings');
    const secret = this.secretOf(settings);
    if (secret) return { secret };
    if (settings.sealedCallbackSecret) {
      throw AppError.conflict('The callback secret cannot be read with this APP_SECRET; generate a new one', [
        { path: 'callbackSecret', message: 'sealed under another secret' },
      ]);
    }
    await this.settings.setCallbackSecret(clinicId, this.sealedNew(), { current: null });
    const stored = await this.settings.findForClinic(clinicId);
    return { secret: (stored && this.secretOf(stored)) ?? '' };
  }

  /** Replaces the secret: callbacks signed with the old one are refused from now on. */
  async regenerate(principal: Principal): Promise<{ secret: string }> {
    const secret = newCallbackSecret();
    const sealed = this.cipher.encrypt({ callbackSecret: secret });
    if (!(await this.settings.setCallbackSecret(principal.clinicId, sealed, { replace: true }))) {
      if (!(await this.settings.findForClinic(principal.clinicId))) {
        throw AppError.notFound('This clinic has no settings');
      }
    }
    await this.audit.record(principal, {
      action: 'settings.changed',
      details: { sections: ['callbackSecret'] },
    });
    return { secret };
  }
}
