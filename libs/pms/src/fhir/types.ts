import type { PmsEvent, PmsPatient } from '@clinicflow/contract';
import type { OperationOutcomeIssue } from '@medplum/fhirtypes';

/** Where each field of our event came from in FHIR (`patient.mobile` → `Patient.telecom[1].value`). */
export type FieldSources = Record<string, string>;

/**
 * What a FHIR resource (or a Bundle entry) amounts to for clinicflow. `issues` are the OperationOutcome's:
 * errors for `invalid`, warnings and information otherwise.
 * - `appointment`: the appointment as the PMS holds it now, to be received as a state (the event it amounts
 *   to is derived from what is stored: `eventOfAppointmentState`); its `type` is what it would be if new.
 * - `patient`: a Patient; `carriedBy` lists the Bundle entries of the Appointments that carry it (it is applied
 *   with them), empty when it came alone.
 * - `skipped`: deliberately not applied (a `proposed` appointment, a resource we do not read).
 * - `invalid`: refused; the issues say where and why.
 */
export type FhirChange =
  | { kind: 'appointment'; event: PmsEvent; sources: FieldSources; issues: OperationOutcomeIssue[] }
  | {
      kind: 'patient';
      patient: PmsPatient;
      sources: FieldSources;
      carriedBy: number[];
      issues: OperationOutcomeIssue[];
    }
  | { kind: 'skipped'; issues: OperationOutcomeIssue[] }
  | { kind: 'invalid'; issues: OperationOutcomeIssue[] };
