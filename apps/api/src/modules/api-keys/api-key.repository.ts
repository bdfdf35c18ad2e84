import { Db } from 'mongodb';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { ApiKeyScope } from '@clinicflow/contract';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';

export interface ApiKeyDocument extends ClinicDocument {
  name: string;
  /** sha256 of the secret part, hex; the key itself is shown once and never stored. */
  secretHash: string;
  prefix: string;
  /** What the key may do; keys stored before keys had scopes have none: they post events only. */
  scopes?: ApiKeyScope[];
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** The clinics' API keys (`api_keys`). */
@Injectable()
export class ApiKeyRepository extends ClinicScopedRepository<ApiKeyDocument> implements OnModuleInit {
  constructor(db: Db) {
    super(db, 'api_keys');
  }

  onModuleInit() {
    return this.ensureIndexes([{ key: { clinicId: 1 } }]);
  }

  async add(clinicId: string, key: Omit<ApiKeyDocument, 'clinicId'>): Promise<ApiKeyDocument> {
    return this.insert(clinicId, key);
  }

  /** The clinic's keys, newest first. */
  ofClinic(clinicId: string): Promise<ApiKeyDocument[]> {
    return this.findMany(clinicId, {}, { createdAt: -1 });
  }

  /** Marks a key revoked; null when the clinic has no such key. */
  revoke(clinicId: string, id: string, at: Date): Promise<ApiKeyDocument | null> {
    return this.updateById(clinicId, id, { $set: { revokedAt: at } });
  }

  /** Resolving a presented key: the key names its own id, so this is an `_id` lookup before the clinic is known. */
  findForAuthentication(id: string): Promise<ApiKeyDocument | null> {
    return this.collection.findOne({ _id: id });
  }
}
