import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { ServiceStatusRepository } from './service-status.repository';
import { ServiceStatusService } from './service-status.service';
import { StatusController } from './status.controller';

/** Service status (S8) for managers and staff. */
@Module({
  imports: [SettingsModule],
  controllers: [StatusController],
  providers: [ServiceStatusRepository, ServiceStatusService],
})
export class StatusModule {}
