import { HeartbeatWatch } from './stuck-monitor';

describe(HeartbeatWatch.name, () => {
  it('names a server whose check has run longer than the limit, and forgets checks that ended', () => {
    const watch = new HeartbeatWatch();
    watch.started('a:1', 0);
    watch.started('b:2', 5_000);
    expect(watch.stuck(9_000, 8_000)).toEqual(['a:1']);
    watch.ended('a:1');
    expect(watch.stuck(20_000, 8_000)).toEqual(['b:2']);
  });

  it('counts a streaming check from its first start', () => {
    const watch = new HeartbeatWatch();
    watch.started('a:1', 0);
    watch.started('a:1', 7_000);
    expect(watch.stuck(9_000, 8_000)).toEqual(['a:1']);
  });
});
