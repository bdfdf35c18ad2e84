import { Injectable, OnModuleInit } from '@nestjs/common';
import { Db, type Filter } from 'mongodb';
import { ClinicScopedRepository, type Page, type PageQuery } from '../../tenancy/clinic-scoped.repository';
import { inWriteChunks } from '../../database/duplicate-key';
import { activeRunStatuses, type RunDocument } from './run.document';

/** The parts of a run the live overlay of a flow reads (its rules state and templates stay in the database). */
export type RunActivity = Pick<
  RunDocument,
  '_id' | 'clinicId' | 'nodeId' | 'status' | 'steps' | 'endedReason' | 'createdAt' | 'updatedAt' | 'patientId'
>;

const ACTIVITY_FIELDS: Record<keyof RunActivity, 1> = {
  _id: 1,
  clinicId: 1,
  nodeId: 1,
  status: 1,
  steps: 1,
  endedReason: 1,
  createdAt: 1,
  updatedAt: 1,
  patientId: 1,
};

/** What the run explorer looks for: one patient's, one appointment's or one flow's runs (or several at once). */
export interface RunsAbout {
  patientId?: string;
  appointmentId?: string;
  flowId?: string;
}

/** A run as a list reads it: everything but its steps, which only one run's detail reads. */
export type RunListed = Pick<
  RunDocument,
  | '_id'
  | 'clinicId'
  | 'flowId'
  | 'flowVersion'
  | 'eventId'
  | 'eventType'
  | 'eventAt'
  | 'appointmentId'
  | 'patientId'
  | 'status'
  | 'nodeId'
  | 'seq'
  | 'state'
  | 'endedReason'
  | 'endedWhy'
  | 'createdAt'
  | 'updatedAt'
>;

/** The `runs` collection: read by `_id` on the hot paths; scanned by appointment only for a reschedule. */
@Injectable()
export class RunRepository extends ClinicScopedRepository<RunDocument> implements OnModuleInit {
  constructor(db: Db) {
    super(db, 'runs');
  }

  onModuleInit() {
    return this.ensureIndexes([
      { key: { clinicId: 1, appointmentId: 1 } },
      // the run explorer: a patient's runs, newest first
      { key: { clinicId: 1, patientId: 1, createdAt: -1 } },
    ]);
  }

  /**
   * A page of the runs of a patient, an appointment or a flow (the run explorer), newest first; without their
   * steps and rules state, which only one run's detail reads.
   */
  async pageAbout(clinicId: string, about: RunsAbout, query: PageQuery): Promise<Page<RunListed>> {
    const filter: Filter<RunDocument> = {};
    if (about.patientId) filter.patientId = about.patientId;
    if (about.appointmentId) filter.appointmentId = about.appointmentId;
    if (about.flowId) filter.flowId = about.flowId;
    const scoped = this.scope(clinicId, filter);
    const [items, total] = await Promise.all([
      this.collection
        .find(scoped, { projection: { steps: 0 } })
        .sort({ createdAt: -1, _id: 1 })
        .skip((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .toArray() as Promise<RunListed[]>,
      this.collection.countDocuments(scoped),
    ]);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** Stores a new run unless it exists (its `_id` is deterministic): true when this call stored it. */
  /** The ids of the clinic's runs for a patient or for any of these appointments. */
  async idsAbout(clinicId: string, patientId: string, appointmentIds: readonly string[]): Promise<string[]> {
    const found = await this.collection
      .find(this.scope(clinicId, { $or: [{ patientId }, { appointmentId: { $in: [...appointmentIds] } }] }), {
        projection: { _id: 1 },
      })
      .toArray();
    return found.map((run) => run._id);
  }

  /** Deletes these runs of the clinic (a patient's erasure); answers how many. */
  async deleteMany(clinicId: string, ids: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const chunk of inWriteChunks(ids)) {
      deleted += (await this.collection.deleteMany(this.scope(clinicId, { _id: { $in: chunk } })))
        .deletedCount;
    }
    return deleted;
  }

  create(run: RunDocument): Promise<boolean> {
    return this.insertOnce(run.clinicId, run);
  }

  /** Saves a move of a run just read: its new fields, and the steps the move added to its history. */
  async saveMove(run: RunDocument, fields: Partial<RunDocument>, steps: RunDocument['steps']): Promise<void> {
    await this.updateRead(run, {
      $set: fields,
      ...(steps.length ? { $push: { steps: { $each: steps } } } : {}),
    });
  }

  /** Runs of an appointment that may still send or wait. */
  activeForAppointment(clinicId: string, appointmentId: string): Promise<RunDocument[]> {
    return this.findMany(clinicId, { appointmentId, status: { $in: [...activeRunStatuses] } });
  }

  /**
   * One flow's runs for the live overlay. FerretDB scans for anything but `_id`, so the filter keeps what
   * comes back small: the runs touched since `since`, and those still waiting.
   */
  activityOf(clinicId: string, flowId: string, since: Date): Promise<RunActivity[]> {
    const filter = {
      flowId,
      $or: [{ updatedAt: { $gte: since } }, { status: { $in: [...activeRunStatuses] } }],
    };
    return this.collection
      .find(this.scope(clinicId, filter), { projection: ACTIVITY_FIELDS })
      .toArray() as Promise<RunActivity[]>;
  }
}
