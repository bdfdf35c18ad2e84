import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { LocationsController, ResourcesController, ServicesController } from './directory.controller';
import {
  LocationRepository,
  PatientRepository,
  ResourceRepository,
  ServiceRepository,
} from './directory.repository';
import { DirectoryService } from './directory.service';
import { PatientService } from './patient.service';
import { PatientsController } from './patients.controller';

@Module({
  imports: [SettingsModule],
  controllers: [PatientsController, ServicesController, ResourcesController, LocationsController],
  providers: [
    PatientRepository,
    ServiceRepository,
    ResourceRepository,
    LocationRepository,
    PatientService,
    DirectoryService,
  ],
  exports: [PatientService, DirectoryService],
})
export class DirectoryModule {}
