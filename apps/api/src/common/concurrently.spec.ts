import { KeyedBatcher, KeyedSerialiser, loadOnce } from './concurrently';

/** A batcher whose work records each batch and answers every request doubled, or throws when told to. */
function recordingBatcher(max: number, failing = new Set<string>()) {
  const batches: [string, number[]][] = [];
  let release: () => void = () => undefined;
  let held: Promise<void> | null = null;
  const sut = new KeyedBatcher<number, number>(new KeyedSerialiser(), max, async (key, requests) => {
    batches.push([key, requests]);
    if (held) await held;
    if (failing.has(key)) throw new Error(`${key} failed`);
    return requests.map((request) => request * 2);
  });
  const hold = () => {
    held = new Promise((resolve) => (release = resolve));
  };
  return { sut, batches, hold, release: () => release() };
}

describe(KeyedBatcher.name, () => {
  it('should hand the requests of one tick to one run, per key, each answered in turn', async () => {
    const { sut, batches } = recordingBatcher(10);

    const answers = await Promise.all([sut.ask('a', 1), sut.ask('b', 5), sut.ask('a', 2), sut.ask('a', 3)]);

    expect(answers).toEqual([2, 10, 4, 6]);
    expect(batches).toEqual([
      ['a', [1, 2, 3]],
      ['b', [5]],
    ]);
  });

  it('should gather the requests asked while a run is under way into the next run', async () => {
    const { sut, batches, hold, release } = recordingBatcher(10);
    hold();
    const first = sut.ask('a', 1);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const later = [sut.ask('a', 2), sut.ask('a', 3)];
    await new Promise((resolve) => setTimeout(resolve, 5));
    release();

    expect(await Promise.all([first, ...later])).toEqual([2, 4, 6]);
    expect(batches).toEqual([
      ['a', [1]],
      ['a', [2, 3]],
    ]);
  });

  it('should cut a burst into runs of at most max requests, in the order asked', async () => {
    const { sut, batches } = recordingBatcher(2);

    await Promise.all([1, 2, 3, 4, 5].map((n) => sut.ask('a', n)));

    expect(batches.map(([, requests]) => requests)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("should refuse every request of a run that throws, and not the other key's", async () => {
    const { sut } = recordingBatcher(10, new Set(['a']));

    const answers = await Promise.allSettled([sut.ask('a', 1), sut.ask('a', 2), sut.ask('b', 3)]);

    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message))).toEqual([
      'a failed',
      'a failed',
      6,
    ]);
  });
});

describe(loadOnce.name, () => {
  it('should load each key once and give every caller of that key the same answer', async () => {
    const loaded = new Map<string, Promise<string>>();
    const calls: string[] = [];
    const load = (key: string) => () => {
      calls.push(key);
      return Promise.resolve(`value of ${key}`);
    };
    const answers = await Promise.all([
      loadOnce(loaded, 'a', load('a')),
      loadOnce(loaded, 'b', load('b')),
      loadOnce(loaded, 'a', load('a')),
    ]);
    expect(answers).toEqual(['value of a', 'value of b', 'value of a']);
    expect(calls).toEqual(['a', 'b']);
  });
});
