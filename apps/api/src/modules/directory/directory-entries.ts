import { AppError } from '../../common/app-error';
import { externalDocumentId, newId } from '../../common/ids';
import type { PageQuery } from '../../tenancy/clinic-scoped.repository';
import type { AnyDirectoryRepository, DirectoryDocument } from './directory.repository';

export interface ListQuery extends PageQuery {
  q?: string;
}

/** The answer shape of a directory entry: `id` instead of `_id`, no internal fields. */
export function toEntryView<T extends DirectoryDocument>(entry: T) {
  const { _id, clinicId: _clinicId, searchText: _searchText, ...rest } = entry;
  return { id: _id, ...rest };
}

/**
 * What patients, services, resources and locations share: creation (an external id gives a deterministic
 * `_id`, so two concurrent upserts of one external id store one document), update, upsert by external id,
 * placeholders for unknown references, and search with pagination.
 */
export class DirectoryEntries<T extends DirectoryDocument> {
  constructor(
    private readonly repository: AnyDirectoryRepository<T>,
    private readonly prefix: string,
    private readonly noun: string,
    private readonly searchTextOf: (entry: Partial<T>) => string,
  ) {}

  /**
   * The `_id` of the entry the PMS names `externalId`; `generation` counts the erasures of earlier entries of
   * that external id (a patient's, docs/privacy.md), so the one made after an erasure is a new entry.
   */
  idFor(clinicId: string, externalId: string | null | undefined, generation = 0): string {
    if (!externalId) return newId();
    const key = generation > 0 ? `${externalId}\u0000erased-${generation}` : externalId;
    return externalDocumentId(this.prefix, clinicId, key);
  }

  async get(clinicId: string, id: string): Promise<T> {
    const entry = await this.repository.findById(clinicId, id);
    if (!entry) throw AppError.notFound(`No ${this.noun} ${id}`);
    return entry;
  }

  async create(clinicId: string, fields: Partial<T>, now: Date, generation = 0): Promise<T> {
    const document = this.newDocument(clinicId, fields, now, generation);
    if (!(await this.repository.createOnce(clinicId, document))) {
      throw AppError.conflict(`A ${this.noun} with external id ${fields.externalId} already exists`, [
        { path: 'body.externalId', message: 'already in use; PUT by external id to update it' },
      ]);
    }
    return { ...document, clinicId } as T;
  }

  async update(clinicId: string, id: string, fields: Partial<T>, now: Date): Promise<T> {
    const current = await this.get(clinicId, id);
    const { externalId: _ignored, ...changes } = fields;
    await this.repository.change(current, this.changeSet(current, changes, now));
    return (await this.repository.findById(clinicId, id))!;
  }

  /**
   * Writes changes to an entry just read, without reading it back (the hot path of event intake); `appended`
   * adds items to its lists in the same write (a patient's consent history).
   */
  async updateRead(
    current: T,
    fields: Partial<T>,
    now: Date,
    appended: Record<string, unknown[]> = {},
  ): Promise<void> {
    const { externalId: _ignored, ...changes } = fields;
    await this.repository.change(current, this.changeSet(current, changes, now), appended);
  }

  private changeSet(current: T, changes: Omit<Partial<T>, 'externalId'>, now: Date) {
    const merged = { ...current, ...changes };
    return {
      ...changes,
      placeholder: false,
      searchText: this.searchTextOf(merged),
      updatedAt: now,
    } as Partial<T>;
  }

  /** Creates or updates the entry the PMS names `externalId`; a placeholder becomes a real entry. */
  async upsert(
    clinicId: string,
    externalId: string,
    fields: Partial<T>,
    now: Date,
    generation = 0,
  ): Promise<{ entry: T; created: boolean }> {
    const document = this.newDocument(clinicId, { ...fields, externalId } as Partial<T>, now, generation);
    if (await this.repository.createOnce(clinicId, document)) {
      return { entry: { ...document, clinicId } as T, created: true };
    }
    return { entry: await this.update(clinicId, document._id as string, fields, now), created: false };
  }

  /** The entry named `externalId` (and whether it is a placeholder), creating a placeholder when the clinic has none. */
  async ensure(
    clinicId: string,
    externalId: string,
    placeholder: Partial<T>,
    now: Date,
  ): Promise<{ id: string; placeholder: boolean }> {
    const id = this.idFor(clinicId, externalId);
    const existing = await this.repository.findById(clinicId, id);
    if (existing) return { id, placeholder: existing.placeholder };
    const document = this.newDocument(clinicId, { ...placeholder, externalId } as Partial<T>, now);
    await this.repository.createOnce(clinicId, { ...document, placeholder: true });
    return { id, placeholder: true };
  }

  async list(clinicId: string, query: ListQuery, sort: Record<string, 1 | -1>) {
    const page = await this.repository.page(clinicId, query.q, query, sort);
    return { ...page, items: page.items.map(toEntryView) };
  }

  private newDocument(clinicId: string, fields: Partial<T>, now: Date, generation = 0): Omit<T, 'clinicId'> {
    return {
      ...fields,
      _id: this.idFor(clinicId, fields.externalId, generation),
      externalId: fields.externalId ?? null,
      placeholder: false,
      searchText: this.searchTextOf(fields),
      createdAt: now,
      updatedAt: now,
    } as unknown as Omit<T, 'clinicId'>;
  }
}

/** Lower-cased words a search matches. */
export function searchText(...parts: unknown[]): string {
  return parts
    .filter((p) => typeof p === 'string' && p.length > 0)
    .join(' ')
    .toLowerCase();
}
