import { ProviderBreaker } from './provider-breaker';

const at = (seconds: number) => new Date(Date.UTC(2026, 2, 10, 9, 0, seconds));

describe(ProviderBreaker.name, () => {
  const policy = { failuresToOpen: 3, firstPauseMs: 30_000, maxPauseMs: 120_000 };

  it('should let messages go until the provider fails several times in a row, then pause it', () => {
    const breaker = new ProviderBreaker(policy);
    breaker.answered('c1:sms', true, at(0));
    breaker.answered('c1:sms', true, at(1));
    expect(breaker.check('c1:sms', at(2))).toEqual({ go: true });
    breaker.answered('c1:sms', true, at(2));
    expect(breaker.check('c1:sms', at(3))).toEqual({ go: false, until: at(32), failures: 3 });
    // another clinic's provider is not concerned
    expect(breaker.check('c2:sms', at(3))).toEqual({ go: true });
  });

  it('should start a streak again after an accepted message', () => {
    const breaker = new ProviderBreaker(policy);
    breaker.answered('c1:sms', true, at(0));
    breaker.answered('c1:sms', true, at(1));
    breaker.answered('c1:sms', false, at(2));
    breaker.answered('c1:sms', true, at(3));
    expect(breaker.check('c1:sms', at(4))).toEqual({ go: true });
  });

  it('should let one probe through after the pause, close on its success and pause twice as long on its failure', () => {
    const breaker = new ProviderBreaker(policy);
    for (const s of [0, 1, 2]) breaker.answered('c1:sms', true, at(s));
    expect(breaker.check('c1:sms', at(33))).toEqual({ go: true });
    // while the probe is out, the others wait
    expect(breaker.check('c1:sms', at(33))).toEqual({ go: false, until: at(63), failures: 3 });
    breaker.answered('c1:sms', true, at(34));
    expect(breaker.check('c1:sms', at(35))).toEqual({ go: false, until: at(94), failures: 4 });
    expect(breaker.check('c1:sms', at(95))).toEqual({ go: true });
    breaker.answered('c1:sms', false, at(96));
    expect(breaker.check('c1:sms', at(96))).toEqual({ go: true });
  });

  it('should send another probe when the first never reached the provider', () => {
    const breaker = new ProviderBreaker(policy);
    for (const s of [0, 1, 2]) breaker.answered('c1:sms', true, at(s));
    expect(breaker.check('c1:sms', at(33))).toEqual({ go: true });
    expect(breaker.check('c1:sms', at(50)).go).toBe(false);
    expect(breaker.check('c1:sms', at(64))).toEqual({ go: true });
  });
});
