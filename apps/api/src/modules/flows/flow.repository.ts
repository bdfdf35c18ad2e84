import type { RulesProblem } from '@clinicflow/rules';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import type { FlowDocument } from './flow.dto';

/** A problem of the draft as the rules library states it (with its code, for the editor's own words). */
export type FlowProblem = RulesProblem;

/** A flow: its draft (what the editor saves), the draft's problems, and which published version runs. */
export interface StoredFlow extends ClinicDocument {
  draft: FlowDocument;
  /** Bumped by every change of the draft; a save must name the revision it started from. */
  revision: number;
  problems: FlowProblem[];
  valid: boolean;
  enabled: boolean;
  latestVersion: number | null;
  starterKey: string | null;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

/** Who made draft revision N of a flow: `_id` `<flow>#r<N>`, so two saves from revision N-1 cannot both win. */
export interface FlowRevisionClaim extends ClinicDocument {
  flowId: string;
  revision: number;
  savedAt: Date;
  savedBy: string;
}

/** A published version: immutable, `_id` `<flow>#v<N>`. */
export interface FlowVersion extends ClinicDocument {
  flowId: string;
  version: number;
  note: string;
  flow: FlowDocument;
  publishedAt: Date;
  publishedBy: string;
}

@Injectable()
export class FlowRepository extends ClinicScopedRepository<StoredFlow> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'flows');
  }
}

@Injectable()
export class FlowRevisionRepository extends ClinicScopedRepository<FlowRevisionClaim> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'flow_revisions');
  }
}

@Injectable()
export class FlowVersionRepository extends ClinicScopedRepository<FlowVersion> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'flow_versions');
  }
}
