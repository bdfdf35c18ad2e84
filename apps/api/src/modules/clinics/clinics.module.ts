import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { FlowsModule } from '../flows/flows.module';
import { SettingsModule } from '../settings/settings.module';
import { UsersModule } from '../users/users.module';
import { ClinicService } from './clinic.service';
import { SetupClaimRepository } from './setup-claim.repository';
import { SetupController } from './setup.controller';

/** Creating clinics: the first run of an empty installation, the platform operator's clinics, the demo's. */
@Module({
  imports: [SettingsModule, UsersModule, FlowsModule, AccountsModule],
  controllers: [SetupController],
  providers: [ClinicService, SetupClaimRepository],
  exports: [ClinicService],
})
export class ClinicsModule {}
