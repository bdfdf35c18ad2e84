import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { UsersModule } from '../users/users.module';
import { ClinicService } from './clinic.service';

@Module({
  imports: [SettingsModule, UsersModule],
  providers: [ClinicService],
  exports: [ClinicService],
})
export class ClinicsModule {}
