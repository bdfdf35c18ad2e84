import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Db } from 'mongodb';

/** `database: up` when the database answers a ping within the timeout, `down` with the reason otherwise. */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly db: Db,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async ping(key: string, timeoutMs: number) {
    const indicator = this.indicators.check(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.db.command({ ping: 1 }),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}
