import { Module } from '@nestjs/common';
import { PatientLinkRepository } from './patient-link.repository';
import { PatientLinksService } from './patient-links.service';

/** The signed links of the patient's messages (docs/patient-links.md): made at send time, read by the page. */
@Module({
  providers: [PatientLinksService, PatientLinkRepository],
  exports: [PatientLinksService],
})
export class PatientLinksModule {}
