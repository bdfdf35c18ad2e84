import { Db } from 'mongodb';
import type { RulesProblem } from '@clinicflow/rules';
import { Injectable } from '@nestjs/common';
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
  /**
   * Set once a version starting on the daily trigger is published (F10), never unset: the engine looks for
   * daily flows among these only, and checks their latest version.
   */
  dailyTrigger?: boolean;
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
  /** The editor page that saved it (`saveDraftSchema.editorSession`), when it said. */
  editorSession?: string;
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

/** The clinics' flows and their drafts (`flows`). */
@Injectable()
export class FlowRepository extends ClinicScopedRepository<StoredFlow> {
  constructor(db: Db) {
    super(db, 'flows');
  }

  async add(clinicId: string, flow: Omit<StoredFlow, 'clinicId'>): Promise<StoredFlow> {
    return this.insert(clinicId, flow);
  }

  /** The clinic's flows in the order they were made. */
  ofClinic(clinicId: string): Promise<StoredFlow[]> {
    return this.findMany(clinicId, {}, { createdAt: 1 });
  }

  /** The enabled flows that have a published version (those new events start). */
  enabledPublished(clinicId: string): Promise<StoredFlow[]> {
    return this.findMany(clinicId, { enabled: true, latestVersion: { $ne: null } });
  }

  /** The clinic's flows' names by id (a clinic has a few dozen flows at most). */
  async names(clinicId: string): Promise<Map<string, string>> {
    const flows = await this.collection
      .find(this.scope(clinicId), { projection: { 'draft.name': 1 } })
      .toArray();
    return new Map(flows.map((flow) => [flow._id, flow.draft?.name ?? flow._id]));
  }

  /**
   * The names the clinic's steps carry on their cards (the draft's labels), by `<flowId>#<nodeId>`: the export's
   * "step" column says them instead of the step's id. A step without a label is left out.
   */
  async stepNames(clinicId: string): Promise<Map<string, string>> {
    const flows = await this.collection
      .find(this.scope(clinicId), { projection: { 'draft.nodes': 1 } })
      .toArray();
    const names = new Map<string, string>();
    for (const flow of flows) {
      for (const node of (flow.draft?.nodes ?? []) as { id: string; data?: { label?: string } }[]) {
        const label = node.data?.label?.trim();
        if (label) names.set(`${flow._id}#${node.id}`, label);
      }
    }
    return names;
  }

  /** Sets fields of a flow; answers it as it is now, or null when the clinic has no such flow. */
  change(clinicId: string, id: string, fields: Partial<StoredFlow>): Promise<StoredFlow | null> {
    return this.updateById(clinicId, id, { $set: fields });
  }

  /**
   * A version was published: the flow's latest version is at least `version` (never goes back); `daily` when
   * that version starts on the daily trigger.
   */
  async published(clinicId: string, id: string, version: number, daily = false): Promise<void> {
    await this.updateById(clinicId, id, {
      $max: { latestVersion: version },
      ...(daily ? { $set: { dailyTrigger: true } } : {}),
    });
  }

  /**
   * Every clinic's enabled flows that were ever published with a daily trigger (F10), by id with their clinic
   * and latest version: the engine's one look across clinics, made once a minute.
   */
  withDailyTrigger(): Promise<Pick<StoredFlow, '_id' | 'clinicId' | 'latestVersion'>[]> {
    return this.collection
      .find(
        { dailyTrigger: true, enabled: true, latestVersion: { $ne: null } },
        { projection: { clinicId: 1, latestVersion: 1 } },
      )
      .toArray() as Promise<Pick<StoredFlow, '_id' | 'clinicId' | 'latestVersion'>[]>;
  }

  remove(clinicId: string, id: string): Promise<boolean> {
    return this.deleteById(clinicId, id);
  }
}

/** The claims on draft revisions (`flow_revisions`). */
@Injectable()
export class FlowRevisionRepository extends ClinicScopedRepository<FlowRevisionClaim> {
  constructor(db: Db) {
    super(db, 'flow_revisions');
  }

  /** Claims revision N of a flow's draft: false when another save claimed it first. */
  claim(
    clinicId: string,
    flowId: string,
    revision: number,
    savedAt: Date,
    savedBy: string,
    editorSession?: string,
  ): Promise<boolean> {
    return this.insertOnce(clinicId, {
      _id: `${flowId}#r${revision}`,
      flowId,
      revision,
      savedAt,
      savedBy,
      ...(editorSession ? { editorSession } : {}),
    });
  }

  find(clinicId: string, flowId: string, revision: number): Promise<FlowRevisionClaim | null> {
    return this.findById(clinicId, `${flowId}#r${revision}`);
  }
}

/** The published, immutable versions of the flows (`flow_versions`), `_id` `<flow>#v<N>`. */
@Injectable()
export class FlowVersionRepository extends ClinicScopedRepository<FlowVersion> {
  constructor(db: Db) {
    super(db, 'flow_versions');
  }

  /** Stores version N of a flow: false when N was taken already (by a concurrent publish). */
  publish(clinicId: string, version: Omit<FlowVersion, 'clinicId' | '_id'>): Promise<boolean> {
    return this.insertOnce(clinicId, { ...version, _id: versionId(version.flowId, version.version) });
  }

  find(clinicId: string, flowId: string, version: number): Promise<FlowVersion | null> {
    return this.findById(clinicId, versionId(flowId, version));
  }

  /** A flow's versions, newest first. */
  ofFlow(clinicId: string, flowId: string): Promise<FlowVersion[]> {
    return this.findMany(clinicId, { flowId }, { version: -1 });
  }
}

function versionId(flowId: string, version: number): string {
  return `${flowId}#v${version}`;
}
