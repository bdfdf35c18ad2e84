import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error';
import { directoryIdFor } from './directory-ids';
import { PatientDocument, PatientErasureRepository, PatientRepository } from './directory.repository';

/**
 * The directory's part of a patient's erasure (docs/privacy.md): the patient document goes, and when the PMS
 * names them by an external id, the erasure is counted (`patient_erasures`, keyed by a hash) so that the same
 * external id later makes a new patient with a new id.
 */
@Injectable()
export class PatientPrivacyService {
  constructor(
    private readonly patients: PatientRepository,
    private readonly erasures: PatientErasureRepository,
  ) {}

  /** A patient as stored (consent history included); not found when the clinic has none of that id. */
  async get(clinicId: string, id: string): Promise<PatientDocument> {
    const patient = await this.patients.findById(clinicId, id);
    if (!patient) throw AppError.notFound(`No patient ${id}`);
    return patient;
  }

  /** Deletes the patient; answers whether this call deleted it (a second erasure finds it gone). */
  async erase(patient: PatientDocument, at: Date): Promise<boolean> {
    if (patient.externalId) {
      // Counted before the delete: a PMS event arriving in between already makes a new patient.
      const firstId = directoryIdFor('patients', patient.clinicId, patient.externalId);
      const generation = await this.erasures.generationOf(patient.clinicId, firstId);
      await this.erasures.recordErased(patient.clinicId, firstId, generation, at);
    }
    return this.patients.remove(patient.clinicId, patient._id);
  }
}
