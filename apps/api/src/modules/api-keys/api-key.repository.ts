import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';

export interface ApiKeyDocument extends ClinicDocument {
  name: string;
  /** sha256 of the secret part, hex; the key itself is shown once and never stored. */
  secretHash: string;
  prefix: string;
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

@Injectable()
export class ApiKeyRepository extends ClinicScopedRepository<ApiKeyDocument> implements OnModuleInit {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'api_keys');
  }

  onModuleInit() {
    return this.ensureIndexes([{ key: { clinicId: 1 } }]);
  }

  /** Resolving a presented key: the key names its own id, so this is an `_id` lookup before the clinic is known. */
  findForAuthentication(id: string): Promise<ApiKeyDocument | null> {
    return this.collection.findOne({ _id: id });
  }
}
