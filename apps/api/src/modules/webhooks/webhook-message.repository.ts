import { Injectable, OnModuleInit } from '@nestjs/common';
import type { WebhookMessageStatus } from '@clinicflow/contract';
import { Db, type Collection } from 'mongodb';
import { inWriteChunks, insertManyReportingDuplicates, insertOnce } from '../../database/duplicate-key';
import { SQL_PUSHDOWN } from '../../database/pushdown';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';

/** One attempt to send a message. */
export interface WebhookAttempt {
  at: Date;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

/**
 * One event for one endpoint: `_id` derived from the endpoint and the event's key, so an event announced twice
 * is one message; `eventId` is its `webhook-id` (the receiver's idempotency key).
 */
export interface WebhookMessageDocument extends ClinicDocument {
  endpointId: string;
  eventId: string;
  type: string;
  url: string;
  /** The signed body, as sent. */
  body: string;
  status: WebhookMessageStatus;
  createdAt: Date;
  /** When the next attempt is due (null once delivered or given up). */
  nextAttemptAt: Date | null;
  /** The last moment an attempt may start: 24 hours after the event. */
  giveUpAt: Date;
  attempts: WebhookAttempt[];
}

/** How many entries the delivery log shows. */
export const WEBHOOK_LOG_SIZE = 50;

/** `webhook_messages`, the outbox; and `webhook_claims`, one insert per attempt (who sends it). */
@Injectable()
export class WebhookMessageRepository
  extends ClinicScopedRepository<WebhookMessageDocument>
  implements OnModuleInit
{
  private readonly claims: Collection<{ _id: string; at: Date }>;

  constructor(db: Db) {
    super(db, 'webhook_messages');
    this.claims = db.collection('webhook_claims');
  }

  onModuleInit() {
    return this.ensureIndexes([
      { key: { status: 1, nextAttemptAt: 1 } },
      { key: { clinicId: 1, endpointId: 1, createdAt: -1 } },
    ]);
  }

  /** Stores new messages; those already there (the same event again) are left as they are. */
  async addMany(messages: WebhookMessageDocument[]): Promise<void> {
    await insertManyReportingDuplicates(this.collection, messages);
  }

  /** Messages whose next attempt is due, oldest first. */
  due(now: Date, limit: number): Promise<WebhookMessageDocument[]> {
    // In SQL on our FerretDB, from the (status, nextAttemptAt) index, instead of decoding every message ever
    // sent at each tick: `status` is always a string, `nextAttemptAt` a date or null.
    return this.collection
      .find({ status: 'pending', nextAttemptAt: { $lte: now } }, SQL_PUSHDOWN)
      .sort({ nextAttemptAt: 1 })
      .limit(limit)
      .toArray() as Promise<WebhookMessageDocument[]>;
  }

  /** Wins attempt `n` of a message for this process (false: another process has it). */
  claim(messageId: string, attempt: number, at: Date): Promise<boolean> {
    return insertOnce(this.claims, { _id: `${messageId}#${attempt}`, at });
  }

  /** Records an attempt and what follows: the next one's time, delivered, or given up. */
  async recordAttempt(
    message: WebhookMessageDocument,
    attempt: WebhookAttempt,
    next: { status: WebhookMessageStatus; nextAttemptAt: Date | null },
  ): Promise<void> {
    await this.collection.updateOne({ _id: message._id }, {
      $push: { attempts: attempt },
      $set: next,
    } as never);
  }

  /** The endpoint's latest messages, newest first. */
  latest(clinicId: string, endpointId: string): Promise<WebhookMessageDocument[]> {
    return this.collection
      .find(this.scope(clinicId, { endpointId }), SQL_PUSHDOWN)
      .sort({ createdAt: -1 })
      .limit(WEBHOOK_LOG_SIZE)
      .toArray() as Promise<WebhookMessageDocument[]>;
  }

  /** Sends a message again now, for another 24 hours (its attempts so far stay in its log). */
  resend(message: WebhookMessageDocument, now: Date, giveUpAt: Date): Promise<WebhookMessageDocument | null> {
    return this.updateById(message.clinicId, message._id, {
      $set: { status: 'pending', nextAttemptAt: now, giveUpAt },
    });
  }

  /**
   * Removes the clinic's messages made before `cutoff` that are no longer waiting (their bodies carry what the
   * patient wrote: the clinic's retention, docs/privacy.md); answers how many.
   */
  async removeBefore(clinicId: string, cutoff: Date): Promise<number> {
    const old = await this.collection
      .find(this.scope(clinicId, { createdAt: { $lt: cutoff }, status: { $in: ['delivered', 'failed'] } }), {
        ...SQL_PUSHDOWN,
        projection: { _id: 1 },
      })
      .toArray();
    for (const chunk of inWriteChunks(old.map((m) => m._id))) {
      await this.collection.deleteMany({ _id: { $in: chunk } });
    }
    return old.length;
  }

  /** Gives up the endpoint's waiting messages (it was turned off or removed). */
  async dropPendingOf(clinicId: string, endpointId: string): Promise<void> {
    const waiting = await this.collection
      .find(this.scope(clinicId, { endpointId, status: 'pending' }), { projection: { _id: 1 } })
      .toArray();
    // by _id in chunks: an update touching 100 documents or more never answers on our FerretDB (docs/database.md)
    for (const chunk of inWriteChunks(waiting.map((m) => m._id))) {
      await this.collection.updateMany(
        { _id: { $in: chunk } },
        { $set: { status: 'failed', nextAttemptAt: null } },
      );
    }
  }
}
