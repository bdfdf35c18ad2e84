import type { Collection, Document as MongoDocument, OptionalUnlessRequiredId } from 'mongodb';

/** The error code every MongoDB server (FerretDB included) gives an insert whose `_id` or unique key exists. */
export const DUPLICATE_KEY = 11000;

/**
 * Statements one `bulkWrite` (or `update` command) may carry: on our FerretDB a command of 100 statements or
 * more never answers (99 answer; the database contract test pins it). Batched writes are cut to this size.
 */
export const MAX_WRITE_STATEMENTS = 99;

/** Whether an error is the duplicate-key refusal that decides races (architecture.md). */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}

/** Inserts one document; false when one with the same `_id` (or unique key) exists already: the race was lost. */
export async function insertOnce<T extends MongoDocument>(
  collection: Collection<T>,
  document: OptionalUnlessRequiredId<T>,
): Promise<boolean> {
  try {
    await collection.insertOne(document);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/**
 * Inserts documents unordered (the others are stored when some already exist); answers the positions of
 * those that were duplicates. Any other write error is thrown.
 */
export async function insertManyReportingDuplicates<T extends MongoDocument>(
  collection: Collection<T>,
  documents: OptionalUnlessRequiredId<T>[],
): Promise<Set<number>> {
  if (documents.length === 0) return new Set();
  try {
    await collection.insertMany(documents, { ordered: false });
    return new Set();
  } catch (error) {
    const reported = (error as { writeErrors?: unknown }).writeErrors;
    const writeErrors =
      reported === undefined ? [] : ([] as { index: number; code: number }[]).concat(reported as never);
    // One document, one duplicate: some drivers report it as the error itself, without writeErrors.
    if (writeErrors.length === 0 && isDuplicateKeyError(error) && documents.length === 1) return new Set([0]);
    if (writeErrors.length === 0 || writeErrors.some((e) => e.code !== DUPLICATE_KEY)) throw error;
    return new Set(writeErrors.map((e) => e.index));
  }
}

/** Splits a batch of write statements into commands the database answers (see MAX_WRITE_STATEMENTS). */
export function inWriteChunks<T>(statements: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < statements.length; i += MAX_WRITE_STATEMENTS) {
    chunks.push(statements.slice(i, i + MAX_WRITE_STATEMENTS));
  }
  return chunks;
}
