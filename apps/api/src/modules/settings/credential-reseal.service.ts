import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CredentialCipherRepository } from './credential-cipher.repository';
import { SettingsRepository } from './settings.repository';
import { errorSummary } from '../../common/logged-error';

/**
 * After APP_SECRET changed (the old one in APP_SECRET_PREVIOUS), seals every clinic's provider credentials
 * again under the current secret, in the background at start, so the old secret can be dropped later. A save
 * of the settings meanwhile wins (the write is conditional); credentials no secret opens are left as they are
 * and named in a warning (clinic and channel, never a value).
 */
@Injectable()
export class CredentialResealService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CredentialResealService.name);
  private running: Promise<unknown> | undefined;
  private stopping = false;

  constructor(
    private readonly settings: SettingsRepository,
    private readonly cipher: CredentialCipherRepository,
  ) {}

  onApplicationBootstrap() {
    this.running = this.resealAll().catch((error: unknown) => {
      if (!this.stopping) this.logger.warn(`Sealing credentials again stopped: ${errorSummary(error)}`);
    });
  }

  /** Lets a run in progress finish before the database connection closes. */
  async beforeApplicationShutdown() {
    this.stopping = true;
    await this.running;
  }

  /** Seals again what an earlier secret sealed; answers how many were sealed again. */
  async resealAll(): Promise<number> {
    let resealed = 0;
    for (const { clinicId, channel, sealed } of await this.settings.sealedCredentials()) {
      if (this.stopping) break;
      if (this.cipher.isCurrent(sealed)) continue;
      let again: string;
      try {
        again = this.cipher.encrypt(this.cipher.decrypt(sealed));
      } catch (error) {
        this.logger.warn(`Clinic ${clinicId}, ${channel} provider: ${errorSummary(error)}`);
        continue;
      }
      if (await this.settings.resealCredentials(clinicId, channel, sealed, again)) resealed++;
    }
    if (resealed > 0) this.logger.log(`Provider credentials sealed again under APP_SECRET: ${resealed}`);
    return resealed;
  }
}
