import {
  SandboxProvider,
  type SandboxOptions,
  type SandboxRecord,
  type SandboxStore,
} from '@clinicflow/channels';
import { Injectable } from '@nestjs/common';
import { Db, type Collection } from 'mongodb';
import { CoalescedReads, CoalescedWrites } from '../../database/coalesced';
import { inWriteChunks } from '../../database/duplicate-key';

/**
 * A message the sandbox holds, `_id` = the idempotency key (the delivery's `_id`). `sendCalls` counts every
 * `send` with that key: 1 for the message accepted, more when a recovered delivery asked again and the sandbox
 * answered with the message it already had (scenario 11 counts these).
 */
export interface SandboxMessageDocument extends SandboxRecord {
  _id: string;
  sendCalls: number;
}

/**
 * The sandbox's store in the `sandbox_messages` collection, shared by every API process, so that `lookup`
 * after a crash sees what another process accepted. The first acceptance is an insert of the key, which is
 * atomic on FerretDB too: two processes sending the same key concurrently store it once.
 */
@Injectable()
export class SandboxMessageRepository implements SandboxStore {
  private readonly collection: Collection<SandboxMessageDocument>;
  // A burst's sends ask and store their messages at the same moment: gathered into few commands.
  private readonly reads: CoalescedReads<SandboxMessageDocument>;
  private readonly writes: CoalescedWrites<SandboxMessageDocument>;

  constructor(db: Db) {
    this.collection = db.collection<SandboxMessageDocument>('sandbox_messages');
    this.reads = new CoalescedReads(this.collection);
    this.writes = new CoalescedWrites(this.collection);
  }

  async get(idempotencyKey: string): Promise<SandboxRecord | undefined> {
    const document = await this.reads.find(idempotencyKey);
    return document ? recordOf(document) : undefined;
  }

  /**
   * Keeps a message accepted now by inserting its key, unread first: another process may have accepted the
   * same key a moment earlier, and the insert keeps the message once. A key held already counts a repeated
   * call and answers the message held.
   */
  async add(idempotencyKey: string, record: SandboxRecord): Promise<SandboxRecord | undefined> {
    const document = { ...record, _id: idempotencyKey, sendCalls: 1 };
    if ((await this.writes.write({ insertOne: { document } })) === 'written') return undefined;
    await this.countRepeatedCall(idempotencyKey);
    return this.get(idempotencyKey);
  }

  async set(idempotencyKey: string, record: SandboxRecord): Promise<void> {
    if (record.status === 'sent') {
      await this.add(idempotencyKey, record);
      return;
    }
    const { status, statusAt, reason } = record;
    await this.collection.updateOne(
      { _id: idempotencyKey },
      { $set: { status, statusAt, ...(reason ? { reason } : {}) } },
    );
  }

  async values(): Promise<SandboxRecord[]> {
    return (await this.collection.find({}).toArray()).map(recordOf);
  }

  /** Deletes the sandbox's copies of these messages (their keys are the deliveries' ids); answers how many. */
  async forget(idempotencyKeys: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const chunk of inWriteChunks(idempotencyKeys)) {
      deleted += (await this.collection.deleteMany({ _id: { $in: chunk } })).deletedCount;
    }
    return deleted;
  }

  async countRepeatedCall(idempotencyKey: string): Promise<void> {
    await this.collection.updateOne({ _id: idempotencyKey }, { $inc: { sendCalls: 1 } });
  }
}

function recordOf(document: SandboxMessageDocument): SandboxRecord {
  const { _id: _key, sendCalls: _calls, ...record } = document;
  return record;
}

/** The sandbox over the shared store, which counts the calls that repeat a key it already holds. */
export class SharedSandboxProvider extends SandboxProvider {
  constructor(shared: SandboxMessageRepository, options: Omit<SandboxOptions, 'store'>) {
    super({ ...options, store: shared });
  }
}
