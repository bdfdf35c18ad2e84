import { Injectable } from '@nestjs/common';
import { ClockRepository } from '../../common/clock.repository';
import { ID_PREFIXES } from './directory-ids';
import { DirectoryEntries, ListQuery, searchText, toEntryView } from './directory-entries';
import type { DirectoryFields, DirectoryKind } from './directory.dto';
import {
  DirectoryDocument,
  LocationRepository,
  ResourceRepository,
  ServiceRepository,
} from './directory.repository';

const KNOWN_TTL_MS = 60_000;
const KNOWN_LIMIT = 10_000;

const NOUNS: Record<DirectoryKind, string> = {
  services: 'service',
  resources: 'resource',
  locations: 'location',
};

/** Services (appointment types), resources (practitioners, rooms, chairs) and locations of a clinic. */
@Injectable()
export class DirectoryService {
  private readonly entries: Record<DirectoryKind, DirectoryEntries<DirectoryDocument>>;
  /** Entries known to exist and not to be placeholders (they are never deleted): event intake skips their read. */
  private readonly known = new Map<string, { id: string; until: number }>();

  constructor(
    services: ServiceRepository,
    resources: ResourceRepository,
    locations: LocationRepository,
    private readonly clock: ClockRepository,
  ) {
    const make = (kind: DirectoryKind, repository: ServiceRepository) =>
      new DirectoryEntries(repository, ID_PREFIXES[kind], NOUNS[kind], (e) =>
        searchText(e.name, e.externalId, e.city, e.group),
      );
    this.entries = {
      services: make('services', services),
      resources: make('resources', resources),
      locations: make('locations', locations),
    };
  }

  list(kind: DirectoryKind, clinicId: string, query: ListQuery) {
    return this.entries[kind].list(clinicId, query, { name: 1 });
  }

  async get(kind: DirectoryKind, clinicId: string, id: string) {
    return toEntryView(await this.entries[kind].get(clinicId, id));
  }

  async create<K extends DirectoryKind>(kind: K, clinicId: string, fields: DirectoryFields<K>) {
    return toEntryView(await this.entries[kind].create(clinicId, fields, this.clock.now()));
  }

  async update<K extends DirectoryKind>(
    kind: K,
    clinicId: string,
    id: string,
    fields: Partial<DirectoryFields<K>>,
  ) {
    return toEntryView(await this.entries[kind].update(clinicId, id, fields, this.clock.now()));
  }

  async upsert<K extends DirectoryKind>(
    kind: K,
    clinicId: string,
    externalId: string,
    fields: DirectoryFields<K>,
  ) {
    const { entry, created } = await this.entries[kind].upsert(
      clinicId,
      externalId,
      fields,
      this.clock.now(),
    );
    return { ...toEntryView(entry), created };
  }

  /** The id of the entry the PMS calls `externalId`; an unknown one becomes a flagged placeholder (never lost). */
  async ensure(kind: DirectoryKind, clinicId: string, externalId: string) {
    const now = this.clock.now();
    const key = `${kind}\u0000${clinicId}\u0000${externalId}`;
    const known = this.known.get(key);
    if (known && known.until > now.getTime()) return { id: known.id, placeholder: false };
    const name = `${NOUNS[kind]} ${externalId} (unknown)`;
    const entry = await this.entries[kind].ensure(clinicId, externalId, { name }, now);
    if (!entry.placeholder) {
      if (this.known.size >= KNOWN_LIMIT) this.known.clear();
      this.known.set(key, { id: entry.id, until: now.getTime() + KNOWN_TTL_MS });
    }
    return entry;
  }

  /** Entries by id, for building a message context. */
  async findById(kind: DirectoryKind, clinicId: string, id: string) {
    return this.entries[kind].get(clinicId, id).catch(() => null);
  }
}
