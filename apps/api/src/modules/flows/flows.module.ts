import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { FlowSimulationService } from './flow-simulation.service';
import { FlowVersionService } from './flow-version.service';
import { FlowVersionsController } from './flow-versions.controller';
import { FlowRepository, FlowRevisionRepository, FlowVersionRepository } from './flow.repository';
import { FlowService } from './flow.service';
import { FlowsController } from './flows.controller';

@Module({
  imports: [SettingsModule],
  controllers: [FlowsController, FlowVersionsController],
  providers: [
    FlowRepository,
    FlowRevisionRepository,
    FlowVersionRepository,
    FlowService,
    FlowVersionService,
    FlowSimulationService,
  ],
  exports: [FlowService, FlowVersionService],
})
export class FlowsModule {}
