import { Db } from 'mongodb';
import { DeliveryQueueRepository } from '../src/modules/deliveries/delivery-queue.repository';
import { RunTimerRepository } from '../src/modules/runs/run-timer.repository';
import { useTestContext } from './test-app';

// What every tick reads: the queue's and the timers' earliest entries, from their time index (with the pushdown
// comment on our FerretDB). The answers must be those of a plain scan: in time order, cut at the limit.
describe('due entries of the delivery queue and the run timers', () => {
  const ctx = useTestContext();
  const at = (minutes: number) => new Date(Date.UTC(2026, 11, 5, 8, minutes));

  it('should put new entries and move existing ones without losing what they carry', async () => {
    const queue = ctx.app.get(DeliveryQueueRepository);
    await queue.put([
      { _id: 'q-a', clinicId: 'c1', dueAt: at(30), retryOf: 'credits-exhausted' },
      { _id: 'q-b', clinicId: 'c1', dueAt: at(10) },
    ]);
    // A plan taken up again: q-a exists (moved, its retryOf kept), q-c is new.
    await queue.put([
      { _id: 'q-a', clinicId: 'c1', dueAt: at(5) },
      { _id: 'q-c', clinicId: 'c2', dueAt: at(20) },
    ]);
    const stored = await ctx.app
      .get(Db)
      .collection('delivery_queue')
      .find({}, { sort: { _id: 1 } })
      .toArray();
    expect(stored).toEqual([
      { _id: 'q-a', clinicId: 'c1', dueAt: at(5), retryOf: 'credits-exhausted' },
      { _id: 'q-b', clinicId: 'c1', dueAt: at(10) },
      { _id: 'q-c', clinicId: 'c2', dueAt: at(20) },
    ]);
    expect((await queue.due(at(15), { limit: 10 })).map((entry) => entry._id)).toEqual(['q-a', 'q-b']);
    expect((await queue.due(at(59), { limit: 2 })).map((entry) => entry._id)).toEqual(['q-a', 'q-b']);
    expect((await queue.next())?._id).toBe('q-a');
  });

  it('should leave out the entries asked for, still in time order, cut at the limit and skipping the others', async () => {
    const queue = ctx.app.get(DeliveryQueueRepository);
    // Due a second apart, as the dispatcher reads them while 150 of its sends are in flight; ids as odd as a
    // delivery's key may be among those left out and among those read.
    const odd = ["q-'quoted'", 'q-"double"', 'q-back\\slash', 'q-Løvås-é', 'q-100%_'];
    const ids = [...odd, ...Array.from({ length: 295 }, (_, i) => `q-${String(i).padStart(3, '0')}`)];
    // Due before the other tests' entries, a second apart.
    const dueAt = (i: number) => new Date(Date.UTC(2026, 0, 5, 8, 0, i));
    await queue.put(ids.map((_id, i) => ({ _id, clinicId: 'c-scan', dueAt: dueAt(i) })));
    const inFlight = ids.filter((_, i) => i % 2 === 0).slice(0, 150);
    const rest = ids.filter((id) => !inFlight.includes(id));
    const read = async (limit: number, skip = 0, leaveOut = inFlight, fromTheEnd = false) =>
      (await queue.due(dueAt(ids.length), { limit, skip, leaveOut, fromTheEnd })).map((entry) => entry._id);

    expect(await read(1000)).toEqual(rest);
    expect(await read(50)).toEqual(rest.slice(0, 50));
    // Skipping counts only what is not left out.
    expect(await read(50, 50)).toEqual(rest.slice(50, 100));
    expect(await read(1000, 0, [])).toEqual(ids);
    // From the other end (a second process on the same burst): the latest due first, the same left out.
    const latestFirst = [...rest].reverse();
    expect(await read(50, 0, inFlight, true)).toEqual(latestFirst.slice(0, 50));
    expect(await read(50, 50, inFlight, true)).toEqual(latestFirst.slice(50, 100));
    expect(await read(1000, 0, [], true)).toEqual([...ids].reverse());
    // Entries not due yet are not read from that end either.
    expect(
      (await queue.due(dueAt(9), { limit: 5, leaveOut: [], fromTheEnd: true })).map((e) => e._id),
    ).toEqual(ids.slice(0, 10).reverse().slice(0, 5));
  });

  it('should answer the earliest due timers in order, at most the limit, and the next one', async () => {
    const timers = ctx.app.get(RunTimerRepository);
    expect(await timers.next()).toBeNull();
    for (const [runId, minutes] of [
      ['run-3', 40],
      ['run-1', 10],
      ['run-4', 50],
      ['run-2', 20],
    ] as const) {
      await timers.set({ clinicId: 'c1', runId, seq: 1, nodeId: 'wait', at: at(minutes) });
    }
    expect((await timers.due(at(45), 10)).map((entry) => entry.runId)).toEqual(['run-1', 'run-2', 'run-3']);
    expect((await timers.due(at(45), 2)).map((entry) => entry.runId)).toEqual(['run-1', 'run-2']);
    expect(await timers.due(at(5), 10)).toEqual([]);
    expect((await timers.next())?.runId).toBe('run-1');
  });

  it('should remove exactly the entries asked for when many removals come at once', async () => {
    const queue = ctx.app.get(DeliveryQueueRepository);
    // Ids as odd as a delivery's key may be: quotes, a backslash, non-ASCII letters, an SQL wildcard.
    const odd = ["q-'quoted'", 'q-"double"', 'q-back\\slash', 'q-Løvås-é', 'q-100%_'];
    const ids = [...odd, ...Array.from({ length: 595 }, (_, i) => `q-${String(i).padStart(3, '0')}`)];
    await queue.put(ids.map((_id, i) => ({ _id, clinicId: 'c-removals', dueAt: at(i % 60) })));
    // Every other entry, the odd ones included, removed in one turn (gathered into statements of up to 500).
    const removed = ids.filter((_, i) => i % 2 === 0 || i < odd.length);
    await Promise.all([...removed, 'q-never-queued'].map((id) => queue.remove(id)));
    const left = await ctx.app
      .get(Db)
      .collection('delivery_queue')
      .find({ clinicId: 'c-removals' }, { projection: { _id: 1 } })
      .toArray();
    expect(left.map((entry) => entry._id).sort()).toEqual(ids.filter((id) => !removed.includes(id)).sort());
    // Removing again changes nothing and does not fail.
    await queue.remove(removed[0]);
    expect(
      await ctx.app.get(Db).collection('delivery_queue').countDocuments({ clinicId: 'c-removals' }),
    ).toBe(ids.length - removed.length);
  });
});
