import DataLoader from 'dataloader';
import type { AnyBulkWriteOperation, Collection, Document as MongoDocument, Filter } from 'mongodb';
import { DUPLICATE_KEY, inWriteChunks } from './duplicate-key';
import { SQL_PUSHDOWN } from './pushdown';

/**
 * Statements gathered into one batch at most. Inserts are not bound by the 99 of `MAX_WRITE_STATEMENTS`
 * (docs/database.md): the claims, provider links and sandbox messages of a whole scan go as one command.
 */
const MAX_GATHERED = 500;

/** What one coalesced write became: written, or refused because its `_id` (or unique key) exists. */
export type WriteResult = 'written' | 'duplicate';

/**
 * Each message the dispatcher sends makes a handful of single-document writes and reads (its claim, status,
 * queue entry, provider link…). Issued one by one they cost a round trip each; here the ones issued at about
 * the same time (the same turn of the event loop, as the answers of the previous command resolve together)
 * go to the database as one command: one `insert` of all the inserts, updates and deletions by 99 (a
 * released FerretDB never answers 100 updates, docs/database.md), or one `find` on `_id: { $in }`. Each caller
 * still gets its own outcome, so the engine's rules (docs/engine.md: an insert decides a race) hold statement
 * by statement; an unordered bulkWrite runs each statement on its own, as the single write would.
 *
 * DataLoader (graphql/dataloader) does the gathering; its cache is off: every call is a fresh statement.
 */
export class CoalescedWrites<T extends MongoDocument> {
  private readonly loader: DataLoader<AnyBulkWriteOperation<T>, WriteResult>;

  constructor(collection: Collection<T>) {
    this.loader = new DataLoader((operations) => bulkWrite(collection, operations), {
      cache: false,
      maxBatchSize: MAX_GATHERED,
      batchScheduleFn: (run) => setImmediate(run),
    });
  }

  /** Runs one write statement with the others issued at the same time. */
  write(operation: AnyBulkWriteOperation<T>): Promise<WriteResult> {
    return this.loader.load(operation);
  }
}

/**
 * Deletions by `_id` issued at about the same time, as one `deleteMany` on `_id: { $in }` (see
 * `CoalescedWrites`): one statement, so one transaction on our FerretDB where a `deleteOne` each cost a commit
 * each. For deletions whose caller needs no answer but "done" (a sent message's queue entry).
 */
export class CoalescedDeletes<T extends MongoDocument & { _id: string }> {
  private readonly loader: DataLoader<string, void>;

  constructor(collection: Collection<T>) {
    this.loader = byIdLoader(async (ids) => {
      // The comment lets our FerretDB find the `$in` in the `_id` index (docs/database.md, "delete-pushdown").
      await collection.deleteMany({ _id: { $in: ids } } as Filter<T>, SQL_PUSHDOWN);
      return () => undefined;
    });
  }

  /** Deletes the document with this `_id` (with the others asked at the same time). */
  delete(id: string): Promise<void> {
    return this.loader.load(id);
  }
}

/**
 * "Does this document match `filter`?" asked by `_id` at about the same time, as one `find` on
 * `{ _id: { $in }, ...filter }` with the pushdown comment: our FerretDB answers it in SQL, so only the documents
 * that match are decoded. `filter` must be pushable whole (docs/database.md: one scalar type per field).
 */
export class CoalescedMatches<T extends MongoDocument & { _id: string }> {
  private readonly loader: DataLoader<string, boolean>;

  constructor(collection: Collection<T>, filter: Filter<T>) {
    this.loader = byIdLoader(async (ids) => {
      const found = await collection
        .find({ ...filter, _id: { $in: ids } } as Filter<T>, {
          ...SQL_PUSHDOWN,
          projection: { _id: 1 },
          batchSize: inOneAnswer(ids.length),
        })
        .toArray();
      const matching = new Set(found.map((document) => document._id as string));
      return (id) => matching.has(id);
    });
  }

  /** True when the document with this `_id` exists and matches the filter. */
  matches(id: string): Promise<boolean> {
    return this.loader.load(id);
  }
}

/** Reads by `_id` issued at about the same time, as one `find` (see `CoalescedWrites`). */
export class CoalescedReads<T extends MongoDocument & { _id: string }> {
  private readonly loader: DataLoader<string, T | null>;

  constructor(collection: Collection<T>) {
    this.loader = byIdLoader(async (ids) => {
      // The comment lets our FerretDB take the `$in` from the `_id` index instead of reading every document
      // (docs/database.md, "SQL pushdown"); MongoDB ignores it. `_id` always holds a string here.
      const found = await collection
        .find({ _id: { $in: ids } } as Filter<T>, { ...SQL_PUSHDOWN, batchSize: inOneAnswer(ids.length) })
        .toArray();
      const byId = new Map(found.map((document) => [document._id as string, document as T]));
      return (id) => byId.get(id) ?? null;
    });
  }

  /** The document with this `_id`, or null. */
  find(id: string): Promise<T | null> {
    return this.loader.load(id);
  }
}

/**
 * The `batchSize` that brings a find of at most `count` documents back in its first answer: one more than can
 * come, since a first batch that is exactly full (or the default 101) leaves the cursor open, and the driver
 * asks again with a `getMore` that finds nothing.
 */
export function inOneAnswer(count: number): number {
  return count + 1;
}

/**
 * The loader of one kind of question by `_id`, gathered per turn of the event loop; `answer` gets each id once
 * and gives back how to answer each caller. DataLoader's cache is off: every call asks the database.
 */
function byIdLoader<V>(answer: (ids: string[]) => Promise<(id: string) => V>): DataLoader<string, V> {
  return new DataLoader(
    async (ids) => {
      const answerOf = await answer([...new Set(ids)]);
      return ids.map(answerOf);
    },
    { cache: false, maxBatchSize: MAX_GATHERED, batchScheduleFn: (run) => setImmediate(run) },
  );
}

/**
 * Runs the gathered statements unordered, each on its own: the inserts as one command, the others by
 * `MAX_WRITE_STATEMENTS`, side by side; answers each statement's outcome at its position.
 */
async function bulkWrite<T extends MongoDocument>(
  collection: Collection<T>,
  operations: readonly AnyBulkWriteOperation<T>[],
): Promise<(WriteResult | Error)[]> {
  const results: (WriteResult | Error)[] = operations.map(() => 'written');
  const positions = operations.map((_, index) => index);
  const inserts = positions.filter((index) => 'insertOne' in operations[index]);
  const others = positions.filter((index) => !('insertOne' in operations[index]));
  const commands = [inserts, ...inWriteChunks(others)].filter((chunk) => chunk.length > 0);
  await Promise.all(
    commands.map(async (chunk) => {
      try {
        await collection.bulkWrite(
          chunk.map((index) => operations[index]),
          { ordered: false },
        );
      } catch (error) {
        const reported = (error as { writeErrors?: unknown }).writeErrors;
        if (reported === undefined) throw error;
        for (const writeError of ([] as { index: number; code: number; errmsg?: string }[]).concat(
          reported as never,
        )) {
          results[chunk[writeError.index]] =
            writeError.code === DUPLICATE_KEY
              ? 'duplicate'
              : Object.assign(new Error(writeError.errmsg ?? 'write refused'), { code: writeError.code });
        }
      }
    }),
  );
  return results;
}
