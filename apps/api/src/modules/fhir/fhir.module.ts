import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module';
import { FhirController } from './fhir.controller';
import { FhirService } from './fhir.service';

/**
 * FHIR R4 intake (`/api/fhir/…`): Appointments and Patients from a clinic's FHIR server or app, read by
 * libs/pms and received through the intake as REST events are. Owns no collection.
 */
@Module({
  imports: [IntakeModule],
  controllers: [FhirController],
  providers: [FhirService],
})
export class FhirModule {}
