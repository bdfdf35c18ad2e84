import { Injectable } from '@nestjs/common';
import { RunTimerRepository } from './run-timer.repository';
import { RunWebhookRepository } from './run-webhook.repository';
import { RunRepository } from './run.repository';

/**
 * The runs' part of a patient's erasure (docs/privacy.md): a run holds what its flow was evaluated with (the
 * patient's details among them), so the patient's runs go, with their timers and webhooks; nothing of them is
 * left to fire. Their messages keep their run's id (the report counts by flow, not by run).
 */
@Injectable()
export class RunPrivacyService {
  constructor(
    private readonly runs: RunRepository,
    private readonly timers: RunTimerRepository,
    private readonly webhooks: RunWebhookRepository,
  ) {}

  /** Deletes the runs of a patient or of their appointments; answers how many. */
  async eraseOfPatient(
    clinicId: string,
    patientId: string,
    appointmentIds: readonly string[],
  ): Promise<number> {
    const ids = await this.runs.idsAbout(clinicId, patientId, appointmentIds);
    // Timers first: a timer left behind a deleted run would find nothing, but it is one less thing to fire.
    await this.timers.removeOfRuns(ids);
    await this.webhooks.removeOfRuns(ids);
    return this.runs.deleteMany(clinicId, ids);
  }
}
