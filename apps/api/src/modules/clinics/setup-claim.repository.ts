import { Injectable } from '@nestjs/common';
import { Db, type Collection } from 'mongodb';
import { insertOnce } from '../../database/duplicate-key';

interface SetupClaim {
  _id: string;
  at: Date;
}

/**
 * Who sets up an empty installation (`setup_claims`): the request whose insert of the `first-run` claim
 * succeeds; a second setup at the same moment loses and is refused like any setup once a clinic exists.
 */
@Injectable()
export class SetupClaimRepository {
  private readonly collection: Collection<SetupClaim>;

  constructor(db: Db) {
    this.collection = db.collection<SetupClaim>('setup_claims');
  }

  claim(at: Date): Promise<boolean> {
    return insertOnce(this.collection, { _id: 'first-run', at });
  }

  find(): Promise<SetupClaim | null> {
    return this.collection.findOne({ _id: 'first-run' });
  }

  /** Gives up a claim whose setup never finished (its process died), so that the first run can be done again. */
  async release(at: Date): Promise<void> {
    await this.collection.deleteOne({ _id: 'first-run', at });
  }
}
