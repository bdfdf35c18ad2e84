import { Global, Injectable, Module } from '@nestjs/common';

/** The one source of "now" for services, so the engine and the tests can control time. */
@Injectable()
export class ClockRepository {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [ClockRepository], exports: [ClockRepository] })
export class ClockModule {}
