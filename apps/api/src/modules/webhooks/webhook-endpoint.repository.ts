import { Injectable, OnModuleInit } from '@nestjs/common';
import type { WebhookEventType, WebhookKind } from '@clinicflow/contract';
import { Db } from 'mongodb';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';

/**
 * A clinic's webhook endpoint: where its events go (signed JSON, or the patient's answers written back to its
 * FHIR server or MLLP endpoint) and the secret they are signed with (sealed like provider credentials).
 * `flow-steps` is the clinic's one record whose secret signs its flows' webhook steps (each names its URL).
 */
export interface WebhookEndpointDocument extends ClinicDocument {
  kind: WebhookKind | 'flow-steps';
  url: string | null;
  events: WebhookEventType[];
  description: string;
  enabled: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  sealedSecret: string;
  /** A FHIR server's Authorization header, sealed; null when none. */
  sealedAuthorization: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** `webhook_endpoints`. */
@Injectable()
export class WebhookEndpointRepository
  extends ClinicScopedRepository<WebhookEndpointDocument>
  implements OnModuleInit
{
  constructor(db: Db) {
    super(db, 'webhook_endpoints');
  }

  onModuleInit() {
    return this.ensureIndexes([{ key: { clinicId: 1 } }]);
  }

  /** The `_id` of the clinic's flow-steps record: one per clinic, whoever makes it first (the insert decides). */
  static flowStepsId(clinicId: string): string {
    return `whe_flow_${clinicId}`;
  }

  ofClinic(clinicId: string): Promise<WebhookEndpointDocument[]> {
    return this.findMany(clinicId, {}, { createdAt: 1 });
  }

  add(clinicId: string, endpoint: Omit<WebhookEndpointDocument, 'clinicId'>): Promise<boolean> {
    return this.insertOnce(clinicId, endpoint);
  }

  change(
    clinicId: string,
    id: string,
    fields: Partial<Omit<WebhookEndpointDocument, '_id' | 'clinicId'>>,
  ): Promise<WebhookEndpointDocument | null> {
    return this.updateById(clinicId, id, { $set: fields });
  }

  remove(clinicId: string, id: string): Promise<boolean> {
    return this.deleteById(clinicId, id);
  }
}
