import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { LocationsController, ResourcesController, ServicesController } from './directory.controller';
import {
  LocationRepository,
  PatientErasureRepository,
  PatientRepository,
  ResourceRepository,
  ServiceRepository,
} from './directory.repository';
import { DirectoryService } from './directory.service';
import { PatientPrivacyService } from './patient-privacy.service';
import { PatientService } from './patient.service';
import { PatientsController } from './patients.controller';

@Module({
  imports: [SettingsModule],
  controllers: [PatientsController, ServicesController, ResourcesController, LocationsController],
  providers: [
    PatientRepository,
    PatientErasureRepository,
    ServiceRepository,
    ResourceRepository,
    LocationRepository,
    PatientService,
    DirectoryService,
    PatientPrivacyService,
  ],
  exports: [PatientService, DirectoryService, PatientPrivacyService],
})
export class DirectoryModule {}
