import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DispatcherModule } from '../dispatcher/dispatcher.module';
import { IntakeModule } from '../intake/intake.module';
import { RunsModule } from '../runs/runs.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { EngineService } from './engine.service';

/** The engine tick (ENGINE_ENABLED): leftover events, due timers, due deliveries, due webhooks. */
@Module({
  imports: [
    ScheduleModule.forRoot(),
    DeliveriesModule,
    DispatcherModule,
    IntakeModule,
    RunsModule,
    WebhooksModule,
  ],
  providers: [EngineService],
  exports: [EngineService],
})
export class EngineModule {}
