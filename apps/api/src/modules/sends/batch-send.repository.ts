import { Db } from 'mongodb';
import { Injectable } from '@nestjs/common';
import type { Channel } from '@clinicflow/rules';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import type { BatchQuery, SendTemplate } from './send.dto';

/** One batch send (F11): what was asked, who was left out and why; its messages carry its id. */
export interface BatchSendDocument extends ClinicDocument {
  name: string | null;
  channel: Channel;
  query: BatchQuery;
  onePerPhone: boolean;
  template: SendTemplate;
  recipients: number;
  leftOut: { id: string; reason: string }[];
  createdAt: Date;
  createdBy: string;
}

/** The batch sends of the clinics (`batch_sends`). */
@Injectable()
export class BatchSendRepository extends ClinicScopedRepository<BatchSendDocument> {
  constructor(db: Db) {
    super(db, 'batch_sends');
  }

  async add(batch: BatchSendDocument): Promise<void> {
    await this.insert(batch.clinicId, batch);
  }
}
