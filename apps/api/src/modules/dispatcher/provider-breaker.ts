/** When a provider counts as failing everything, and how long it is left alone. */
export interface BreakerPolicy {
  /** Provider failures in a row that open the breaker. */
  failuresToOpen: number;
  /** The first pause; each opening after a failed probe doubles it, up to `maxPauseMs`. */
  firstPauseMs: number;
  maxPauseMs: number;
}

export const PROVIDER_BREAKER: BreakerPolicy = {
  failuresToOpen: 5,
  firstPauseMs: 30_000,
  maxPauseMs: 5 * 60_000,
};

interface State {
  failures: number;
  /** Paused until then (open); null while closed. */
  openUntil: number | null;
  /** Openings in a row (a probe that failed opens it again, for twice as long). */
  openings: number;
  /** When the probe went (the one message let through once the pause is over), null when none is out. */
  probeAt: number | null;
}

/** What the breaker says of a send: go, or wait until `until` (the provider has failed `failures` times in a row). */
export type BreakerAnswer = { go: true } | { go: false; until: Date; failures: number };

/**
 * A circuit breaker per provider (a clinic's provider of a channel), in one process's memory: after
 * `failuresToOpen` provider failures in a row, its messages wait instead of hammering it; once the pause is over,
 * one message goes as a probe: accepted, the breaker closes; failed, it opens again for twice as long. The
 * messages that wait are not failures: they use none of their retry budget.
 */
export class ProviderBreaker {
  private readonly states = new Map<string, State>();

  constructor(private readonly policy: BreakerPolicy = PROVIDER_BREAKER) {}

  /** Whether a message for the provider `key` may go at `now`. */
  check(key: string, now: Date): BreakerAnswer {
    const state = this.states.get(key);
    if (!state || state.openUntil === null) return { go: true };
    // A probe that never answered (its message stopped before the provider: no credits, a last check) is
    // replaced by another after a pause.
    const probing = state.probeAt !== null && now.getTime() - state.probeAt < this.policy.firstPauseMs;
    if (now.getTime() < state.openUntil || probing) {
      const until = probing ? state.probeAt! + this.policy.firstPauseMs : state.openUntil;
      return { go: false, until: new Date(until), failures: state.failures };
    }
    state.probeAt = now.getTime();
    return { go: true };
  }

  /** The provider answered: `failed` when the answer says the provider itself failed (`isProviderFailure`). */
  answered(key: string, failed: boolean, now: Date): void {
    if (!failed) {
      this.states.delete(key);
      return;
    }
    const state = this.states.get(key) ?? { failures: 0, openUntil: null, openings: 0, probeAt: null };
    state.failures++;
    if (
      state.probeAt !== null ||
      (state.openUntil === null && state.failures >= this.policy.failuresToOpen)
    ) {
      const pause = Math.min(this.policy.maxPauseMs, this.policy.firstPauseMs * 2 ** state.openings);
      state.openUntil = now.getTime() + pause;
      state.openings++;
      state.probeAt = null;
    }
    this.states.set(key, state);
  }
}
