import { Injectable } from '@nestjs/common';
import { Db, type Collection } from 'mongodb';
import { insertOnce } from '../../database/duplicate-key';

/** Decides which process seeds (`seed_runs`): the one whose insert of the `demo` marker succeeds. */
@Injectable()
export class DemoSeedRepository {
  private readonly collection: Collection<{ _id: string; at: Date }>;

  constructor(db: Db) {
    this.collection = db.collection<{ _id: string; at: Date }>('seed_runs');
  }

  claim(at: Date): Promise<boolean> {
    return insertOnce(this.collection, { _id: 'demo', at });
  }
}
