import { Db } from 'mongodb';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { AuditAction, AuditActorKind, AuditDetailValue } from '@clinicflow/contract';
import { ClinicDocument, ClinicScopedRepository, Page } from '../../tenancy/clinic-scoped.repository';

/** One act of the audit trail, as stored; written once, never changed (the repository offers no update). */
export interface AuditEntryDocument extends ClinicDocument {
  at: Date;
  action: AuditAction;
  actor: { kind: AuditActorKind; id: string | null; label: string | null };
  target: { type: string; id: string; label: string | null } | null;
  details: Record<string, AuditDetailValue>;
  address: string | null;
  userAgent: string | null;
}

/** What the Activity page filters on. */
export interface AuditFilter {
  from?: Date;
  to?: Date;
  action?: AuditAction;
  actorId?: string;
}

/**
 * The audit trail (`audit_entries`): append-only. It has an insert and reads, and nothing that updates or
 * deletes: no route, service or repository can change an entry once written.
 */
@Injectable()
export class AuditEntryRepository extends ClinicScopedRepository<AuditEntryDocument> implements OnModuleInit {
  constructor(db: Db) {
    super(db, 'audit_entries');
  }

  onModuleInit() {
    return this.ensureIndexes([{ key: { clinicId: 1, at: -1 } }]);
  }

  async append(clinicId: string, entry: Omit<AuditEntryDocument, 'clinicId'>): Promise<void> {
    await this.insert(clinicId, entry);
  }

  /** One page, newest first. */
  page(
    clinicId: string,
    filter: AuditFilter,
    page: number,
    pageSize: number,
  ): Promise<Page<AuditEntryDocument>> {
    return this.findPage(clinicId, toQuery(filter), { page, pageSize }, { at: -1, _id: -1 });
  }

  /** The clinic's entries about one target (a patient's, for their export), oldest first. */
  aboutTarget(clinicId: string, type: string, id: string): Promise<AuditEntryDocument[]> {
    return this.findMany(clinicId, { 'target.type': type, 'target.id': id }, { at: 1, _id: 1 });
  }

  /** Every entry the filter keeps, newest first, at most `limit` (the CSV export). */
  async all(clinicId: string, filter: AuditFilter, limit: number): Promise<AuditEntryDocument[]> {
    return (await this.findPage(clinicId, toQuery(filter), { page: 1, pageSize: limit }, { at: -1, _id: -1 }))
      .items;
  }
}

function toQuery(filter: AuditFilter) {
  const at = {
    ...(filter.from ? { $gte: filter.from } : {}),
    ...(filter.to ? { $lte: filter.to } : {}),
  };
  return {
    ...(filter.from || filter.to ? { at } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actorId ? { 'actor.id': filter.actorId } : {}),
  };
}
