import type { Collection } from 'mongodb';
import { createIndexOnce } from './create-index';

/** A collection whose createIndex fails as our FerretDB's does when another process created the index first. */
function racedCollection(listed: boolean[]) {
  let lists = 0;
  const collection = {
    createIndex: jest.fn(async () => {
      throw new Error('SQL logic error: index users_email_1 already exists (1)');
    }),
    indexes: jest.fn(async () =>
      listed[lists++] ? [{ key: { _id: 1 } }, { key: { email: 1 } }] : [{ key: { _id: 1 } }],
    ),
  };
  return collection as unknown as Collection & typeof collection;
}

describe(createIndexOnce.name, () => {
  it('should go on when the index another process created is there', async () => {
    const collection = racedCollection([true]);
    await expect(createIndexOnce(collection, { email: 1 })).resolves.toBeUndefined();
    expect(collection.createIndex).toHaveBeenCalledTimes(1);
  });

  it('should wait for an index still being created by the other process', async () => {
    const collection = racedCollection([false, true]);
    await expect(createIndexOnce(collection, { email: 1 })).resolves.toBeUndefined();
    expect(collection.createIndex).toHaveBeenCalledTimes(2);
  });

  it('should fail with the database’s error when the index never appears', async () => {
    const collection = racedCollection([]);
    await expect(createIndexOnce(collection, { email: 1 })).rejects.toThrow(/already exists/);
    expect(collection.createIndex).toHaveBeenCalledTimes(4);
  });
});
