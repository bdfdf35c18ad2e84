import { ClockRepository } from '../src/common/clock.repository';

/** A clock the test sets and moves: the engine's "now" in integration tests (production uses the real one). */
export class TestClock extends ClockRepository {
  private current: number;

  constructor(start: string | Date = '2026-03-02T08:00:00Z') {
    super();
    this.current = new Date(start).getTime();
  }

  override now(): Date {
    return new Date(this.current);
  }

  /** Moves to an instant (never backwards: the engine assumes time goes forward). */
  set(at: string | Date): void {
    const next = new Date(at).getTime();
    if (next < this.current)
      throw new Error(`the test clock cannot go back from ${this.now().toISOString()}`);
    this.current = next;
  }

  advance(milliseconds: number): void {
    this.set(new Date(this.current + milliseconds));
  }
}
