import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DirectoryModule } from '../directory/directory.module';
import { DispatcherModule } from '../dispatcher/dispatcher.module';
import { FlowsModule } from '../flows/flows.module';
import { RunsModule } from '../runs/runs.module';
import { SettingsModule } from '../settings/settings.module';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { ProviderCallbackService } from './provider-callback.service';
import { ProviderCallbacksController } from './provider-callbacks.controller';
import { ReplyPrivacyService } from './reply-privacy.service';
import { ReplyRepository } from './reply.repository';
import { ReplyService } from './reply.service';

/** Replies and provider callbacks: receipts, patients' answers (confirm, decline, STOP) and the inbox (S6). */
@Module({
  imports: [
    AppointmentsModule,
    DeliveriesModule,
    DirectoryModule,
    DispatcherModule,
    FlowsModule,
    RunsModule,
    SettingsModule,
  ],
  controllers: [ProviderCallbacksController, InboxController],
  providers: [ReplyRepository, ReplyService, InboxService, ProviderCallbackService, ReplyPrivacyService],
  exports: [ReplyService, ReplyPrivacyService],
})
export class RepliesModule {}
