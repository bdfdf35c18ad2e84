import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DirectoryModule } from '../directory/directory.module';
import { PatientLinksModule } from '../patient-links/patient-links.module';
import { RepliesModule } from '../replies/replies.module';
import { SettingsModule } from '../settings/settings.module';
import { PatientPageController } from './patient-page.controller';
import { AppointmentPageService } from './appointment-page.service';
import { PatientPageService } from './patient-page.service';
import { PreferencesService } from './preferences.service';

/** What the links of the patient's messages open (docs/patient-links.md), outside the API's `/api`. */
@Module({
  imports: [
    AppointmentsModule,
    DeliveriesModule,
    DirectoryModule,
    PatientLinksModule,
    RepliesModule,
    SettingsModule,
  ],
  controllers: [PatientPageController],
  providers: [PatientPageService, AppointmentPageService, PreferencesService],
})
export class PatientPageModule {}
