import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import type { Channel } from '../settings/settings.dto';
import type { DirectoryKind } from './directory.dto';

/** Fields every directory entry has: the PMS's id, and whether it was made up from an event (placeholder). */
export interface DirectoryDocument extends ClinicDocument {
  externalId: string | null;
  name: string;
  /** Created from an event that named an unknown external id: the report flags it until someone completes it. */
  placeholder: boolean;
  searchText: string;
  createdAt: Date;
  updatedAt: Date;
  [field: string]: unknown;
}

export interface ConsentRecord {
  granted: boolean;
  purposes: string[];
  source: string;
  at: Date;
}

export interface PatientDocument extends DirectoryDocument {
  firstName: string;
  lastName: string;
  mobile: string | null;
  /** The number as the PMS sent it when it could not be normalised, with the reason. */
  mobileProblem: { raw: string; reason: string } | null;
  email: string | null;
  language: string | null;
  consent: Partial<Record<Channel, ConsentRecord>>;
  consentHistory: (ConsentRecord & { channel: Channel })[];
  attendance: { attended: number; noShows: number; lastVisitAt: Date | null };
}

/** One repository per collection of the directory; they differ only in their collection. */
abstract class DirectoryRepository<T extends DirectoryDocument> extends ClinicScopedRepository<T> {}

@Injectable()
export class PatientRepository extends DirectoryRepository<PatientDocument> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'patients');
  }
}

@Injectable()
export class ServiceRepository extends DirectoryRepository<DirectoryDocument> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'services');
  }
}

@Injectable()
export class ResourceRepository extends DirectoryRepository<DirectoryDocument> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'resources');
  }
}

@Injectable()
export class LocationRepository extends DirectoryRepository<DirectoryDocument> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'locations');
  }
}

export const ID_PREFIXES: Record<DirectoryKind | 'patients', string> = {
  patients: 'pat',
  services: 'svc',
  resources: 'res',
  locations: 'loc',
};
