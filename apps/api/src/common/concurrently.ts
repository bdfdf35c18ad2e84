/** Runs `work` over the items with at most `limit` in flight at once (the dispatcher's bounded concurrency). */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** What `load` answers for `key`, asked once per `loaded`: later callers share the first call's promise. */
export function loadOnce<V>(
  loaded: Map<string, Promise<V>>,
  key: string,
  load: () => Promise<V>,
): Promise<V> {
  let value = loaded.get(key);
  if (!value) {
    value = load();
    loaded.set(key, value);
  }
  return value;
}

/**
 * Runs tasks one after the other per key (e.g. per clinic), in the order they were asked for; different keys
 * run side by side.
 */
export class KeyedSerialiser {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

/**
 * Gathers requests per key into batches: those asked in the same tick, or while the key's previous batch is
 * being worked on, go to the next run of `work` together (at most `max`, in the order asked). Runs take their
 * turn in `serial` with the key's other tasks. `work` answers one result per request, in the same order; when
 * it throws, every request of its batch is refused with that error.
 */
export class KeyedBatcher<Request, Result> {
  private readonly waiting = new Map<string, Waiting<Request, Result>[]>();

  constructor(
    private readonly serial: KeyedSerialiser,
    private readonly max: number,
    private readonly work: (key: string, requests: Request[]) => Promise<Result[]>,
  ) {}

  ask(key: string, request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      let queue = this.waiting.get(key);
      if (!queue) {
        queue = [];
        this.waiting.set(key, queue);
        this.schedule(key, queue);
      }
      queue.push({ request, resolve, reject });
    });
  }

  private schedule(key: string, queue: Waiting<Request, Result>[]) {
    void this.serial.run(key, async () => {
      // The requests of this tick join the batch (a burst's sends ask one after the other, not at once).
      await new Promise((resolve) => setImmediate(resolve));
      const batch = queue.splice(0, this.max);
      if (queue.length > 0) this.schedule(key, queue);
      else if (this.waiting.get(key) === queue) this.waiting.delete(key);
      try {
        const results = await this.work(
          key,
          batch.map((waiting) => waiting.request),
        );
        batch.forEach((waiting, i) => waiting.resolve(results[i]));
      } catch (error) {
        batch.forEach((waiting) => waiting.reject(error));
      }
    });
  }
}

interface Waiting<Request, Result> {
  request: Request;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}
