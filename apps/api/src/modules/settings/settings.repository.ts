import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import type { Channel, SettingsUpdate } from './settings.dto';

export interface StoredProvider {
  kind: string;
  options: Record<string, string | number | boolean>;
  /** AES-256-GCM sealed JSON of the credentials (CredentialCipherRepository), or null when none. */
  sealedCredentials: string | null;
  credentialKeys: string[];
}

export interface CreditTopUp {
  at: Date;
  credits: number;
  resourceId: string | null;
  note: string | null;
  by: string;
}

/** One document per clinic, `_id` = the clinic's id: the clinic itself and everything it configures. */
export interface SettingsDocument
  extends ClinicDocument, Required<Omit<SettingsUpdate, 'providers' | 'previous'>> {
  providers: Partial<Record<Channel, StoredProvider>>;
  credits: { balance: number; byResource: Record<string, number>; topUps: CreditTopUp[] };
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
  /** Bumped by every PUT; absent on settings no PUT has changed yet (read as 0). */
  revision?: number;
}

/** Who made settings revision N of a clinic: `_id` `<clinic>#r<N>`, so two PUTs from revision N-1 cannot both win. */
export interface SettingsRevisionClaim extends ClinicDocument {
  revision: number;
  savedAt: Date;
  savedBy: string;
}

@Injectable()
export class SettingsRevisionRepository extends ClinicScopedRepository<SettingsRevisionClaim> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'settings_revisions');
  }
}

@Injectable()
export class SettingsRepository extends ClinicScopedRepository<SettingsDocument> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'clinic_settings');
  }

  findForClinic(clinicId: string) {
    return this.findById(clinicId, clinicId);
  }

  /** True when no clinic exists at all (the demo seed runs then). */
  async isEmpty(): Promise<boolean> {
    return (await this.collection.estimatedDocumentCount()) === 0;
  }
}
