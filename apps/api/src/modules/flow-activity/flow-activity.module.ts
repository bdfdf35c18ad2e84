import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DirectoryModule } from '../directory/directory.module';
import { FlowsModule } from '../flows/flows.module';
import { RunsModule } from '../runs/runs.module';
import { SettingsModule } from '../settings/settings.module';
import { FlowActivityController } from './flow-activity.controller';
import { FlowActivityService } from './flow-activity.service';

/** The live overlay's numbers (issue 7 item 7): what each step of a flow did today. */
@Module({
  imports: [DeliveriesModule, DirectoryModule, FlowsModule, RunsModule, SettingsModule],
  controllers: [FlowActivityController],
  providers: [FlowActivityService],
})
export class FlowActivityModule {}
