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
  /** The e-mail of the user who made it (the key's creator). */
  createdBy: string;
  /** The creator's user id (keys made before it was kept have none). */
  createdByUserId?: string | null;
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

  /**
   * Records a use of the key. The write goes only when the stored time is still the one read (`previous`), so
   * that processes racing on the same minute write once on MongoDB; on FerretDB, where a conditional update is
   * not atomic, two may write nearly the same time, which is harmless.
   */
  async markUsed(key: ApiKeyDocument, at: Date): Promise<void> {
    await this.collection.updateOne(
      { _id: key._id, lastUsedAt: key.lastUsedAt },
      { $set: { lastUsedAt: at } },
    );
  }

  /** Resolving a presented key: the key names its own id, so this is an `_id` lookup before the clinic is known. */
  findForAuthentication(id: string): Promise<ApiKeyDocument | null> {
    return this.collection.findOne({ _id: id });
  }
}
