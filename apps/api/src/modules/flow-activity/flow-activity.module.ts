import { Module } from '@nestjs/common';
import { FlowsModule } from '../flows/flows.module';
import { SettingsModule } from '../settings/settings.module';
import { FlowActivityController } from './flow-activity.controller';
import { FlowDeliveryActivityRepository, FlowRunActivityRepository } from './flow-activity.repository';
import { FlowActivityService } from './flow-activity.service';

/** The live overlay's numbers (issue 7 item 7): what each step of a flow did today. */
@Module({
  imports: [FlowsModule, SettingsModule],
  controllers: [FlowActivityController],
  providers: [FlowActivityService, FlowRunActivityRepository, FlowDeliveryActivityRepository],
})
export class FlowActivityModule {}
