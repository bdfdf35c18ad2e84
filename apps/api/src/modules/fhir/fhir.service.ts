import { Injectable } from '@nestjs/common';
import {
  bundleResponse,
  fhirError,
  fhirInformation,
  fhirPathOf,
  hasErrors,
  operationOutcome,
  readFhirAppointmentBody,
  readFhirBundle,
  readFhirNotification,
  type FhirChange,
  type FhirEntryAnswer,
  type FieldSources,
} from '@clinicflow/pms';
import type { PmsEvent, PmsPatient } from '@clinicflow/contract';
import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import { appErrorStatus } from '../../http/api-exception.filter';
import { EventIntakeService } from '../intake/event-intake.service';
import { PatientIntakeService } from '../intake/patient-intake.service';

/** What a FHIR route answers: an HTTP status and a FHIR resource (an OperationOutcome or a response Bundle). */
export interface FhirAnswer {
  status: number;
  body: OperationOutcome | Bundle;
}

const entryPath = (index: number) => `Bundle.entry[${index}].resource`;

/**
 * FHIR R4 intake: Appointments (alone, in a transaction or batch Bundle, or in a Subscription's notification)
 * are read by libs/pms into the appointment's state and received as the event that state amounts to beside
 * what is stored (`EventIntakeService.receiveState`), so a FHIR server that sends states books, moves and
 * cancels as REST events do. A Patient that comes without an Appointment is created or updated as
 * `PUT /api/patients/by-external-id` does. Every answer is FHIR: OperationOutcomes naming FHIR paths.
 */
@Injectable()
export class FhirService {
  constructor(
    private readonly intake: EventIntakeService,
    private readonly patients: PatientIntakeService,
    private readonly clock: ClockRepository,
  ) {}

  /** `POST /fhir/Appointment`, `PUT /fhir/Appointment/:id` (`urlId`). */
  async receiveAppointment(clinicId: string, body: unknown, urlId?: string): Promise<FhirAnswer> {
    const change = readFhirAppointmentBody(body, this.now(), urlId);
    const answer = await this.apply(clinicId, change, 'Appointment');
    return { status: answer.status, body: answer.outcome };
  }

  /**
   * `POST /fhir`: a transaction is all or nothing, so one refused entry refuses it whole (400, every problem
   * named) before anything is applied; a batch applies each entry on its own and answers each.
   */
  async receiveBundle(clinicId: string, body: unknown): Promise<FhirAnswer> {
    const reading = readFhirBundle(body, this.now());
    if (hasErrors(reading.issues) || !reading.type) {
      return { status: 400, body: operationOutcome(reading.issues) };
    }
    if (reading.type === 'transaction') {
      const refused = reading.entries.flatMap((change) => (change.kind === 'invalid' ? change.issues : []));
      if (refused.length > 0) return { status: 400, body: operationOutcome(refused) };
    }
    const answers = await this.applyEntries(clinicId, reading.entries);
    return {
      status: 200,
      body: bundleResponse(
        reading.type === 'transaction' ? 'transaction-response' : 'batch-response',
        answers,
      ),
    };
  }

  /**
   * `POST /fhir/subscription-notification`: each changed resource is applied on its own (one bad entry does
   * not hold back the others); any refused entry makes the answer 400, so the clinic's server shows the
   * subscription in error with the reasons instead of dropping them. A bare Appointment (servers that post
   * the resource itself) is read as `POST /fhir/Appointment`. `body`: undefined when the request had none (a
   * payload-less ping, which applies nothing), null when it had one that is not JSON (FHIR XML: 415).
   */
  async receiveNotification(clinicId: string, body: unknown): Promise<FhirAnswer> {
    if (body === undefined) {
      const text =
        'notification without payload: nothing applied (set the Subscription payload to application/fhir+json, full-resource)';
      return { status: 200, body: operationOutcome([fhirInformation(null, text)]) };
    }
    if (body === null) {
      const text = 'must be FHIR JSON (application/fhir+json): clinicflow does not read FHIR XML';
      return { status: 415, body: operationOutcome([fhirError(null, text, 'not-supported')]) };
    }
    if ((body as { resourceType?: unknown }).resourceType === 'Appointment') {
      return this.receiveAppointment(clinicId, body);
    }
    const reading = readFhirNotification(body, this.now());
    if (hasErrors(reading.issues)) return { status: 400, body: operationOutcome(reading.issues) };
    const answers = await this.applyEntries(clinicId, reading.entries);
    // An entry with nothing to say (a handshake's status) adds no "All OK" of its own.
    const said = answers.filter(
      (_, i) => reading.entries[i].kind !== 'skipped' || reading.entries[i].issues.length,
    );
    const issues = [...reading.issues, ...said.flatMap((answer) => answer.outcome.issue)];
    const refused = answers.some((answer) => answer.status >= 400);
    return { status: refused ? 400 : 200, body: operationOutcome(issues) };
  }

  /** Applies a Bundle's entries in order; a Patient an Appointment carries is answered as that Appointment was. */
  private async applyEntries(clinicId: string, changes: FhirChange[]): Promise<FhirEntryAnswer[]> {
    const answers: (FhirEntryAnswer | undefined)[] = [];
    for (const [index, change] of changes.entries()) {
      if (change.kind === 'patient' && change.carriedBy.length > 0) continue;
      answers[index] = await this.apply(clinicId, change, entryPath(index));
    }
    return changes.map((change, index) => {
      if (answers[index]) return answers[index];
      // Only a Patient carried by an Appointment was left unanswered above.
      const { patient, issues, carriedBy } = change as Extract<FhirChange, { kind: 'patient' }>;
      const carrier = carriedBy[0];
      const applied = answers[carrier]!.status < 400;
      const text = applied
        ? `applied with the Appointment of ${entryPath(carrier)}`
        : `not applied: the Appointment of ${entryPath(carrier)} that names it was refused`;
      return {
        status: answers[carrier]!.status,
        outcome: operationOutcome([...issues, fhirInformation(entryPath(index), text)]),
        ...(applied ? { location: `Patient/${patient.externalId}` } : {}),
      };
    });
  }

  /** Applies one change; a refusal of our own (a clinic without settings, an unusable mobile) is its answer. */
  private async apply(clinicId: string, change: FhirChange, path: string): Promise<FhirEntryAnswer> {
    switch (change.kind) {
      case 'invalid':
        return { status: 400, outcome: operationOutcome(change.issues) };
      case 'skipped':
        return { status: 200, outcome: operationOutcome(change.issues) };
      case 'appointment':
        return this.refusalOrAnswer(change.sources, path, () => this.receiveState(clinicId, change, path));
      case 'patient':
        return this.refusalOrAnswer(change.sources, path, () => this.upsertPatient(clinicId, change, path));
    }
  }

  private async receiveState(
    clinicId: string,
    { event, issues }: { event: PmsEvent; issues: FhirChange['issues'] },
    path: string,
  ): Promise<FhirEntryAnswer> {
    const answer = await this.intake.receiveState(clinicId, event);
    const text = answer.duplicate
      ? 'already received: this version of the appointment was applied before'
      : answer.type
        ? `received as ${answer.type}`
        : 'nothing the flows react to changed: the details were applied';
    return {
      status: answer.type === 'appointment.booked' && !answer.duplicate ? 201 : 200,
      outcome: operationOutcome([...issues, fhirInformation(path, text)]),
      location: `Appointment/${event.appointment!.externalId}`,
    };
  }

  private async upsertPatient(
    clinicId: string,
    { patient, issues }: { patient: PmsPatient; issues: FhirChange['issues'] },
    path: string,
  ): Promise<FhirEntryAnswer> {
    // What a FHIR Patient says (libs/pms reads no consent, insurer or groups from it).
    const { externalId, firstName, lastName, mobile, email, language, birthDate } = patient;
    if (!firstName) {
      const text =
        'needs a given name: a patient who comes without an Appointment is created with a first name';
      return {
        status: 400,
        outcome: operationOutcome([...issues, fhirError(`${path}.name`, text, 'required')]),
      };
    }
    // Only what the Patient says: a field it leaves out keeps what the clinic has.
    const said = Object.fromEntries(
      Object.entries({ lastName, mobile, email, language, birthDate }).filter(
        ([, value]) => value !== undefined,
      ),
    );
    const saved = await this.patients.upsert(clinicId, externalId, { firstName, ...said }, 'pms');
    const text = saved.created ? 'patient created' : 'patient updated';
    return {
      status: saved.created ? 201 : 200,
      outcome: operationOutcome([...issues, fhirInformation(path, text)]),
      location: `Patient/${externalId}`,
    };
  }

  /** Runs `work`; an AppError becomes the entry's answer, its problems named by the FHIR paths they came from. */
  private async refusalOrAnswer(
    sources: FieldSources,
    path: string,
    work: () => Promise<FhirEntryAnswer>,
  ): Promise<FhirEntryAnswer> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const problems = error.problems.length > 0 ? error.problems : [{ path: null, message: error.message }];
      // `body.mobile` (a patient alone), `body.patient.mobile` (an event): named by the FHIR path it came from
      const issues = problems.map((problem) =>
        fhirError(
          problem.path ? fhirPathOf(sources, problem.path.replace(/^body\./, '').split('.'), path) : null,
          problem.message,
        ),
      );
      return { status: appErrorStatus(error.code), outcome: operationOutcome(issues) };
    }
  }

  private now() {
    return this.clock.now().toISOString();
  }
}
