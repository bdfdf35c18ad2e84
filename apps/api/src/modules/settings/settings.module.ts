import { Module } from '@nestjs/common';
import { CredentialCipherRepository } from './credential-cipher.repository';
import { CreditsService } from './credits.service';
import { ProviderConnectionPort } from './provider-connection.port';
import { SettingsController } from './settings.controller';
import { SettingsRepository, SettingsRevisionRepository } from './settings.repository';
import { SettingsService } from './settings.service';

/** A clinic's settings (the clinic itself, its channels, providers, quiet hours…) and its SMS credits. */
@Module({
  controllers: [SettingsController],
  providers: [
    SettingsRepository,
    SettingsRevisionRepository,
    SettingsService,
    CreditsService,
    CredentialCipherRepository,
    ProviderConnectionPort,
  ],
  exports: [SettingsService, CreditsService],
})
export class SettingsModule {}
