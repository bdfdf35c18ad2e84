import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { isDuplicateKeyError } from '../../common/ids';

/** Decides which process seeds: the one whose insert of the `demo` marker succeeds. */
@Injectable()
export class DemoSeedRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async claim(at: Date): Promise<boolean> {
    try {
      await this.connection
        .db!.collection<{ _id: string; at: Date }>('seed_runs')
        .insertOne({ _id: 'demo', at });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}
