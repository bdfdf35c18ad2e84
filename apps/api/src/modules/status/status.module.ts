import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DirectoryModule } from '../directory/directory.module';
import { EventsModule } from '../events/events.module';
import { SettingsModule } from '../settings/settings.module';
import { ServiceStatusService } from './service-status.service';
import { StatusController } from './status.controller';

/**
 * Service status (S8) for managers and staff, with the patients' consent in opt-in mode (T3) and the events the
 * engine set aside.
 */
@Module({
  imports: [DeliveriesModule, DirectoryModule, EventsModule, SettingsModule],
  controllers: [StatusController],
  providers: [ServiceStatusService],
})
export class StatusModule {}
