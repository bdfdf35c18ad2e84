import { Db, type Collection } from 'mongodb';
import { Injectable } from '@nestjs/common';

/** A webhook step a run reached, `_id` = its idempotency key; the webhooks module sends it (a clinic event). */
export interface RunWebhook {
  _id: string;
  clinicId: string;
  runId: string;
  nodeId: string;
  url: string;
  status: 'pending';
  createdAt: Date;
}

@Injectable()
export class RunWebhookRepository {
  private readonly collection: Collection<RunWebhook>;

  constructor(db: Db) {
    this.collection = db.collection<RunWebhook>('run_webhooks');
  }

  /** Removes the webhooks of these runs (a patient's erasure). */
  async removeOfRuns(runIds: readonly string[]): Promise<void> {
    if (runIds.length > 0) await this.collection.deleteMany({ runId: { $in: [...runIds] } });
  }

  /** Stores each once (a second store of the same key changes nothing). */
  async store(webhooks: RunWebhook[]): Promise<void> {
    if (webhooks.length === 0) return;
    await this.collection.bulkWrite(
      webhooks.map(({ _id, ...fields }) => ({
        updateOne: { filter: { _id }, update: { $setOnInsert: fields }, upsert: true },
      })),
      { ordered: false },
    );
  }
}
