import { Module } from '@nestjs/common';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DirectoryModule } from '../directory/directory.module';
import { DispatcherModule } from '../dispatcher/dispatcher.module';
import { RunsModule } from '../runs/runs.module';
import { SettingsModule } from '../settings/settings.module';
import { FlowVersionRepository } from '../flows/flow.repository';
import { AskKeywordsRepository } from './ask-keywords.repository';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { ProviderCallbackService } from './provider-callback.service';
import { ProviderCallbacksController } from './provider-callbacks.controller';
import { QuestionRepository } from './question.repository';
import { ReplyRepository } from './reply.repository';
import { ReplyService } from './reply.service';

/** Replies and provider callbacks: receipts, patients' answers (confirm, decline, STOP) and the inbox (S6). */
@Module({
  imports: [DeliveriesModule, DirectoryModule, DispatcherModule, RunsModule, SettingsModule],
  controllers: [ProviderCallbacksController, InboxController],
  providers: [
    AppointmentRepository,
    FlowVersionRepository,
    AskKeywordsRepository,
    ReplyRepository,
    QuestionRepository,
    ReplyService,
    InboxService,
    ProviderCallbackService,
  ],
  exports: [ReplyService],
})
export class RepliesModule {}
