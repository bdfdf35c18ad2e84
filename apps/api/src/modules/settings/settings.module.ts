import { Module } from '@nestjs/common';
import { CallbackSecretController } from './callback-secret.controller';
import { CallbackSecretService } from './callback-secret.service';
import { CredentialCipherRepository } from './credential-cipher.repository';
import { CredentialResealService } from './credential-reseal.service';
import { CreditLedgerRepository } from './credit-ledger.repository';
import { CreditsService } from './credits.service';
import { ProviderConnectionPort } from './provider-connection.port';
import { SettingsController } from './settings.controller';
import { SettingsRepository, SettingsRevisionRepository } from './settings.repository';
import { SettingsService } from './settings.service';

/** A clinic's settings (the clinic itself, its channels, providers, quiet hours…) and its SMS credits. */
@Module({
  controllers: [SettingsController, CallbackSecretController],
  providers: [
    SettingsRepository,
    SettingsRevisionRepository,
    SettingsService,
    CreditsService,
    CreditLedgerRepository,
    CredentialCipherRepository,
    CredentialResealService,
    ProviderConnectionPort,
    CallbackSecretService,
  ],
  exports: [SettingsService, CreditsService, CallbackSecretService, CredentialCipherRepository],
})
export class SettingsModule {}
