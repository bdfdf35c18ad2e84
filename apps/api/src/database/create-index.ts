import type { Collection, CreateIndexesOptions, Document, IndexSpecification } from 'mongodb';

const ATTEMPTS = 4;

/**
 * Creates an index, and goes on when another process created the same one at the same moment. Two API processes
 * starting together on one database both create their indexes: MongoDB takes that, but our FerretDB answers
 * "SQL logic error: index … already exists" to the second (seen on scenario 11's start). The index is then there,
 * or about to be: check, wait a little, check again, and fail only if it never appears.
 */
export async function createIndexOnce<T extends Document>(
  collection: Collection<T>,
  key: Record<string, 1 | -1>,
  options: CreateIndexesOptions = {},
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await collection.createIndex(key as IndexSpecification, options);
      return;
    } catch (error) {
      if (await hasIndexOn(collection, key)) return;
      if (attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

async function hasIndexOn<T extends Document>(collection: Collection<T>, key: Record<string, 1 | -1>) {
  const wanted = JSON.stringify(key);
  const indexes = await collection.indexes().catch(() => []);
  return indexes.some((index) => JSON.stringify(index.key) === wanted);
}
