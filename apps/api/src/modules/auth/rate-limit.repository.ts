import { Injectable, OnModuleInit } from '@nestjs/common';
import { Db, type Collection } from 'mongodb';
import { createIndexOnce } from '../../database/create-index';

/** One counted request or failed attempt under a key (an address on a route, or an account's failures). */
interface RateLimitHit {
  _id: string;
  key: string;
  at: Date;
  /** After this, the hit counts for nothing and may be pruned. */
  expiresAt: Date;
}

/**
 * The counters of the throttles and of the login lockout (`rate_limit_hits`), shared by every API process. Each
 * hit is its own inserted document and a count reads them back: inserts are atomic on every server, whereas an
 * `$inc` is not on FerretDB (docs/engine.md), so concurrent attempts are never lost. Keys are hashes, never an
 * address or an e-mail.
 */
@Injectable()
export class RateLimitRepository implements OnModuleInit {
  private readonly collection: Collection<RateLimitHit>;

  constructor(db: Db) {
    this.collection = db.collection<RateLimitHit>('rate_limit_hits');
  }

  async onModuleInit() {
    await createIndexOnce(this.collection, { key: 1, at: 1 });
  }

  async add(hit: RateLimitHit): Promise<void> {
    await this.collection.insertOne(hit);
  }

  /** Takes back a hit (an attempt that turned out not to count: the right password). */
  async remove(id: string): Promise<void> {
    await this.collection.deleteOne({ _id: id });
  }

  /** The times of the key's hits since `since`, oldest first. */
  async since(key: string, since: Date): Promise<Date[]> {
    const hits = await this.collection
      .find({ key, at: { $gt: since } }, { projection: { at: 1 } })
      .sort({ at: 1, _id: 1 })
      .toArray();
    return hits.map((hit) => hit.at);
  }

  /** Removes the hits that count for nothing any more, so that counting stays a short scan. */
  async prune(before: Date): Promise<void> {
    await this.collection.deleteMany({ expiresAt: { $lt: before } });
  }
}
