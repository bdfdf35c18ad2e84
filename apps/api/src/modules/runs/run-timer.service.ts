import { Injectable, Logger } from '@nestjs/common';
import { RunTimerRepository } from './run-timer.repository';
import { RunService } from './run.service';

const DEFAULT_LIMIT = 500;

/** Fires due run timers: each is taken by exactly one process (its `deleteOne` answers 1), then evaluated. */
@Injectable()
export class RunTimerService {
  private readonly logger = new Logger(RunTimerService.name);

  constructor(
    private readonly timers: RunTimerRepository,
    private readonly runs: RunService,
  ) {}

  /** Fires the timers due at `now` (at most `limit`); answers how many this call fired. */
  async fireDue(now: Date, limit = DEFAULT_LIMIT): Promise<number> {
    const due = await this.timers.due(now, limit);
    let fired = 0;
    for (const timer of due) {
      if (!(await this.timers.take(timer._id))) continue;
      fired++;
      try {
        await this.runs.timerFired(timer.clinicId, timer.runId, timer.seq, now);
      } catch (error) {
        this.logger.error(`Timer ${timer._id} failed: ${(error as Error).message}`);
      }
    }
    return fired;
  }

  /** When the next timer is due (for the engine's wake-up), or null when none waits. */
  async nextDueAt(): Promise<Date | null> {
    return (await this.timers.next())?.at ?? null;
  }
}
