import type { AnyBulkWriteOperation, Collection } from 'mongodb';
import { CoalescedWrites } from './coalesced';
import { DUPLICATE_KEY, MAX_WRITE_STATEMENTS } from './duplicate-key';

interface Doc {
  _id: string;
  n?: number;
}

/**
 * A collection that records each `bulkWrite` command it is given and refuses, as the database would, the
 * inserts whose `_id` it holds already (unordered: the others are written).
 */
function recordingCollection(held: Set<string>) {
  const commands: AnyBulkWriteOperation<Doc>[][] = [];
  const collection = {
    bulkWrite: jest.fn(async (operations: AnyBulkWriteOperation<Doc>[]) => {
      commands.push(operations);
      const writeErrors = operations.flatMap((operation, index) => {
        if (!('insertOne' in operation)) return [];
        const id = operation.insertOne.document._id as string;
        if (held.has(id)) return [{ index, code: DUPLICATE_KEY, errmsg: 'E11000 duplicate key' }];
        held.add(id);
        return [];
      });
      if (writeErrors.length > 0) throw Object.assign(new Error('bulk write error'), { writeErrors });
      return {};
    }),
  };
  return { collection: collection as unknown as Collection<Doc>, commands };
}

const insert = (id: string): AnyBulkWriteOperation<Doc> => ({ insertOne: { document: { _id: id } } });
const update = (id: string): AnyBulkWriteOperation<Doc> => ({
  updateOne: { filter: { _id: id }, update: { $set: { n: 1 } } },
});

describe(CoalescedWrites.name, () => {
  it('sends the inserts issued together as one command, past the 99 statements of an update', async () => {
    const { collection, commands } = recordingCollection(new Set());
    const writes = new CoalescedWrites(collection);
    const ids = Array.from({ length: 150 }, (_, i) => `d${i}`);
    const results = await Promise.all(ids.map((id) => writes.write(insert(id))));
    expect(results).toEqual(ids.map(() => 'written'));
    expect(commands.map((command) => command.length)).toEqual([150]);
  });

  it('cuts the other statements into commands of at most 99, and answers each write at its place', async () => {
    const { collection, commands } = recordingCollection(new Set(['d3', 'd141']));
    const writes = new CoalescedWrites(collection);
    const operations = Array.from({ length: 300 }, (_, i) =>
      i % 2 === 0 ? update(`u${i}`) : insert(`d${i}`),
    );
    const results = await Promise.all(operations.map((operation) => writes.write(operation)));
    const sizes = commands.map((command) => command.length).sort((a, b) => b - a);
    expect(sizes).toEqual([150, MAX_WRITE_STATEMENTS, 150 - MAX_WRITE_STATEMENTS]);
    const kinds = commands.map((command) => new Set(command.map((operation) => Object.keys(operation)[0])));
    expect(kinds.map((kind) => [...kind])).toEqual(
      expect.arrayContaining([['insertOne'], ['updateOne'], ['updateOne']]),
    );
    const duplicates = operations.flatMap((_, i) => (results[i] === 'duplicate' ? [i] : []));
    expect(duplicates).toEqual([3, 141]);
    expect(results.filter((result) => result === 'written')).toHaveLength(298);
  });
});
