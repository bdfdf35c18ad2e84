import { Global, Injectable, Module } from '@nestjs/common';
import { EventEmitter } from 'node:events';

/**
 * Work that became due before the engine's next tick (a message planned to go now, a failed one sent again):
 * the modules that plan it announce it here, the engine listens and ticks at once. An announcement only
 * shortens a wait; the tick finds due work by itself whether or not anyone announced it.
 */
@Injectable()
export class DueWork {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  /** Something is due at `at` (now or earlier: the engine wakes up; later: its own schedule will do). */
  announce(at: Date): void {
    this.emitter.emit('due', at);
  }

  /** Listens to announcements; answers the function that stops listening. */
  subscribe(listener: (at: Date) => void): () => void {
    this.emitter.on('due', listener);
    return () => this.emitter.off('due', listener);
  }
}

@Global()
@Module({ providers: [DueWork], exports: [DueWork] })
export class DueWorkModule {}
