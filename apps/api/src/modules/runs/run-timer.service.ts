import { Injectable, Logger } from '@nestjs/common';
import { EventEngineService } from './event-engine.service';
import { RunAdvanceService } from './run-advance.service';
import { RunTimerRepository } from './run-timer.repository';
import { loggedError } from '../../common/logged-error';

const DEFAULT_LIMIT = 500;

/**
 * Looks at due `run_timers` entries: a timer moves its run (the `run_advances` claim decides who), a lease
 * whose process died is taken over. An entry is removed only once its run was saved past its `seq`, so a
 * process that dies half-way loses nothing.
 */
@Injectable()
export class RunTimerService {
  private readonly logger = new Logger(RunTimerService.name);

  constructor(
    private readonly timers: RunTimerRepository,
    private readonly advances: RunAdvanceService,
    private readonly engine: EventEngineService,
  ) {}

  /** Handles the entries due at `now` (at most `limit`); answers how many runs this call moved. */
  async fireDue(now: Date, limit = DEFAULT_LIMIT): Promise<number> {
    const due = await this.timers.due(now, limit);
    let fired = 0;
    for (const entry of due) {
      try {
        const moved = await this.advances.entryDue(entry, now);
        if (!moved) continue;
        fired++;
        await this.engine.processRaised(entry.clinicId, moved.raised);
      } catch (error) {
        // The entry stays: the next tick tries again (after the lease, if this one claimed the move).
        this.logger.error(`Timer ${entry._id} failed: ${loggedError(error)}`);
      }
    }
    return fired;
  }

  /** When the next entry is due (for the engine's wake-up), or null when none waits. */
  async nextDueAt(): Promise<Date | null> {
    return (await this.timers.next())?.at ?? null;
  }
}
