import { Module } from '@nestjs/common';
import { CredentialCipherRepository } from './credential-cipher.repository';
import { ProviderConnectionPort } from './provider-connection.port';
import { SettingsController } from './settings.controller';
import { SettingsRepository, SettingsRevisionRepository } from './settings.repository';
import { SettingsService } from './settings.service';

@Module({
  controllers: [SettingsController],
  providers: [
    SettingsRepository,
    SettingsRevisionRepository,
    SettingsService,
    CredentialCipherRepository,
    ProviderConnectionPort,
  ],
  exports: [SettingsRepository, SettingsService],
})
export class SettingsModule {}
