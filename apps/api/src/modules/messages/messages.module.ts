import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { MessageService } from './message.service';
import { MessagesController } from './messages.controller';

@Module({ imports: [SettingsModule], controllers: [MessagesController], providers: [MessageService] })
export class MessagesModule {}
