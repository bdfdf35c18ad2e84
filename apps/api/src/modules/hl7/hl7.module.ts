import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module';
import { SettingsModule } from '../settings/settings.module';
import { Hl7ConnectionRepository } from './hl7-connection.repository';
import { Hl7Controller } from './hl7.controller';
import { Hl7IntakeService } from './hl7-intake.service';
import { Hl7ListenerService } from './hl7-listener.service';
import { Hl7MessageRepository } from './hl7-message.repository';
import { Hl7SettingsService } from './hl7-settings.service';

/** HL7 v2 over MLLP: the listener, each clinic's connection (`hl7_connections`) and log (`hl7_messages`). */
@Module({
  imports: [IntakeModule, SettingsModule],
  controllers: [Hl7Controller],
  providers: [
    Hl7ConnectionRepository,
    Hl7MessageRepository,
    Hl7IntakeService,
    Hl7ListenerService,
    Hl7SettingsService,
  ],
  exports: [Hl7SettingsService],
})
export class Hl7Module {}
