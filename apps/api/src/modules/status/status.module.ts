import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { SettingsModule } from '../settings/settings.module';
import { ServiceStatusService } from './service-status.service';
import { StatusController } from './status.controller';

/** Service status (S8) for managers and staff. */
@Module({
  imports: [DeliveriesModule, SettingsModule],
  controllers: [StatusController],
  providers: [ServiceStatusService],
})
export class StatusModule {}
