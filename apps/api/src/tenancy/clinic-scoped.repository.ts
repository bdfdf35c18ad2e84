import type {
  Collection,
  Db,
  Filter,
  OptionalUnlessRequiredId,
  Sort,
  UpdateFilter,
  Document as MongoDocument,
} from 'mongodb';
import { insertManyReportingDuplicates, insertOnce } from '../database/duplicate-key';
import { CoalescedReads } from '../database/coalesced';
import { createIndexOnce } from '../database/create-index';

/** Every document of a clinic's data carries its clinic. */
export interface ClinicDocument extends MongoDocument {
  _id: string;
  clinicId: string;
}

export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The one tenancy mechanism: every read and write of clinic data goes through a subclass of this repository,
 * whose methods take the clinic first and add it to every filter (or, for lookups by id, check it on the
 * document found), so an id of clinic B read with clinic A's credentials finds nothing (404), and no service
 * writes a clinic filter by hand. Only `findById` is public: a subclass offers narrow, typed methods named in
 * the clinic's words, and database filters and update operators never leave the repository.
 */
export abstract class ClinicScopedRepository<T extends ClinicDocument> {
  protected readonly collection: Collection<T>;
  private batchedReads?: CoalescedReads<T & { _id: string }>;

  protected constructor(db: Db, collectionName: string) {
    this.collection = db.collection<T>(collectionName);
  }

  /**
   * A document as the services see it, from the form it is stored in: the same, unless a collection stores a
   * leaner form (the deliveries leave out their null fields). Every read of this class goes through it.
   */
  protected fromStored(document: T): T {
    return document;
  }

  protected scope(clinicId: string, filter: Filter<T> = {}): Filter<T> {
    return { ...filter, clinicId } as Filter<T>;
  }

  /**
   * By id: the filter is `_id` alone (released FerretDB 1.24 only reaches an index for a bare `_id` equality;
   * with the clinic added it scans the collection: our build's level 7 does not, docs/database.md), and a
   * document of another clinic is treated as absent.
   */
  async findById(clinicId: string, id: string): Promise<T | null> {
    const document = (await this.collection.findOne(this.byId(id))) as T | null;
    return document && document.clinicId === clinicId ? this.fromStored(document) : null;
  }

  /**
   * The same as `findById`, gathered with the other reads issued at the same moment into one `_id: { $in }`
   * find (database/coalesced.ts): for the dispatcher, which reads the documents of hundreds of messages at once.
   */
  async findByIdInBatch(clinicId: string, id: string): Promise<T | null> {
    this.batchedReads ??= new CoalescedReads(this.collection as unknown as Collection<T & { _id: string }>);
    const document = await this.batchedReads.find(id);
    return document && document.clinicId === clinicId ? this.fromStored(document) : null;
  }

  /** Several by id, of this clinic only (one indexed `_id` read each: an `$in` scans on FerretDB). */
  async findByIds(clinicId: string, ids: readonly string[]): Promise<T[]> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.findById(clinicId, id)));
    return found.filter((document): document is Awaited<T> => document !== null);
  }

  protected async findOne(clinicId: string, filter: Filter<T>, sort?: Sort): Promise<T | null> {
    const cursor = this.collection.find(this.scope(clinicId, filter));
    const document = (await (sort ? cursor.sort(sort) : cursor).limit(1).next()) as T | null;
    return document && this.fromStored(document);
  }

  protected async findMany(clinicId: string, filter: Filter<T> = {}, sort: Sort = { _id: 1 }): Promise<T[]> {
    const documents = (await this.collection.find(this.scope(clinicId, filter)).sort(sort).toArray()) as T[];
    return documents.map((document) => this.fromStored(document));
  }

  protected async findPage(
    clinicId: string,
    filter: Filter<T>,
    query: PageQuery,
    sort: Sort,
  ): Promise<Page<T>> {
    const scoped = this.scope(clinicId, filter);
    const [items, total] = await Promise.all([
      this.collection
        .find(scoped)
        .sort(sort)
        .skip((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .toArray() as Promise<T[]>,
      this.collection.countDocuments(scoped),
    ]);
    return {
      items: items.map((item) => this.fromStored(item)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  protected count(clinicId: string, filter: Filter<T> = {}): Promise<number> {
    return this.collection.countDocuments(this.scope(clinicId, filter));
  }

  /** Counts per value of one field (one accumulator per `$group`: FerretDB computes only the first). */
  protected async countBy(
    clinicId: string,
    filter: Filter<T>,
    field: keyof T & string,
  ): Promise<Record<string, number>> {
    const rows = await this.collection
      .aggregate<{ _id: string; count: number }>([
        { $match: this.scope(clinicId, filter) },
        { $group: { _id: `$${field}`, count: { $sum: 1 } } },
      ])
      .toArray();
    return Object.fromEntries(rows.map((row) => [row._id, row.count]));
  }

  /** Inserts; a duplicate `_id` or unique key throws (see `insertOnce` to decide a race with it). */
  protected async insert(clinicId: string, document: Omit<T, 'clinicId'>): Promise<T> {
    const scoped = { ...document, clinicId } as T;
    await this.collection.insertOne(scoped as OptionalUnlessRequiredId<T>);
    return scoped;
  }

  /** Inserts unless a document with this `_id` (or unique key) exists: true when this call inserted it. */
  protected insertOnce(clinicId: string, document: Omit<T, 'clinicId'>): Promise<boolean> {
    return insertOnce(this.collection, { ...document, clinicId } as OptionalUnlessRequiredId<T>);
  }

  /** Inserts unordered; answers the positions of the documents that existed already (the rest are stored). */
  protected insertMany(clinicId: string, documents: Omit<T, 'clinicId'>[]): Promise<Set<number>> {
    return insertManyReportingDuplicates(
      this.collection,
      documents.map((d) => ({ ...d, clinicId }) as OptionalUnlessRequiredId<T>),
    );
  }

  /**
   * Updates one document of the clinic and returns it as it is now, or null when the clinic has no such id.
   * Ownership is read first (a document's clinic never changes), then the update goes by `_id` alone.
   */
  protected async updateById(
    clinicId: string,
    id: string,
    update: UpdateFilter<T> | MongoDocument,
  ): Promise<T | null> {
    if (!(await this.findById(clinicId, id))) return null;
    await this.collection.updateOne(this.byId(id), update as UpdateFilter<T>);
    const document = (await this.collection.findOne(this.byId(id))) as T | null;
    return document && this.fromStored(document);
  }

  /** Updates a document just read through this repository (so of the right clinic), without reading it again. */
  protected async updateRead(document: T, update: UpdateFilter<T> | MongoDocument): Promise<void> {
    await this.collection.updateOne(this.byId(document._id), update as UpdateFilter<T>);
  }

  protected async deleteById(clinicId: string, id: string): Promise<boolean> {
    if (!(await this.findById(clinicId, id))) return false;
    const result = await this.collection.deleteOne(this.byId(id));
    return result.deletedCount === 1;
  }

  protected byId(id: string): Filter<T> {
    return { _id: id } as Filter<T>;
  }

  /** Creates the collection's indexes; subclasses call it from onModuleInit. */
  protected async ensureIndexes(indexes: readonly { key: Record<string, 1 | -1>; unique?: boolean }[]) {
    for (const index of indexes) {
      await createIndexOnce(this.collection, index.key, { unique: index.unique ?? false });
    }
  }
}

/** The accented forms a search for a plain letter also finds (the case is the `i` flag's). */
const ACCENTED_FORMS: Readonly<Record<string, string>> = {
  a: 'aàáâãäå',
  c: 'cç',
  e: 'eéèêë',
  i: 'iìíîï',
  n: 'nñ',
  o: 'oòóôõö',
  u: 'uùúûü',
  y: 'yýÿ',
};

/**
 * A `$regex` for text typed in a search box, blind to case and accents: "lea", "Léa" and "LEA" all find
 * "Léa Dupont" (front desks type names without accents). Every other character is matched as itself.
 */
export function searchPattern(text: string): RegExp {
  const source = [...withoutAccents(text)]
    .map((character) => {
      const forms = ACCENTED_FORMS[character.toLowerCase()];
      return forms ? `[${forms}]` : escapeForRegex(character);
    })
    .join('');
  return new RegExp(source, 'i');
}

/** Text with its accents taken off ("Léa" → "Lea"). */
function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Text as a search over folded text compares it: lower case, without accents ("Léa DUPONT" → "lea dupont"). */
export function foldForSearch(text: string): string {
  return withoutAccents(text.toLowerCase());
}

/** A `$regex` finding text inside text stored folded (`foldForSearch`): exact, so a database can index it. */
export function foldedTextPattern(text: string): RegExp {
  return new RegExp(escapeForRegex(foldForSearch(text)));
}

function escapeForRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
