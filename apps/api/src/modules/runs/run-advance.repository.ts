import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { isDuplicateKeyError } from '../../common/ids';

/** Who moved a run from `seq` (a timer, a reply, a failed question, a cancel): `_id` `<runId>#<seq>`. */
export interface RunAdvance {
  _id: string;
  clinicId: string;
  runId: string;
  seq: number;
  by: string;
  at: Date;
}

/** `run_advances`: the race decider for runs, as `delivery_claims` is for deliveries. */
@Injectable()
export class RunAdvanceRepository {
  private readonly collection: Collection<RunAdvance>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.db!.collection<RunAdvance>('run_advances');
  }

  /** True when this caller won the right to move the run from `seq`. */
  async claim(advance: Omit<RunAdvance, '_id'>): Promise<boolean> {
    try {
      await this.collection.insertOne({ ...advance, _id: `${advance.runId}#${advance.seq}` });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}
