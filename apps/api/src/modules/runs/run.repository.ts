import { Injectable, OnModuleInit } from '@nestjs/common';
import { Db } from 'mongodb';
import { ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import { activeRunStatuses, type RunDocument } from './run.document';

/** The parts of a run the live overlay of a flow reads (its rules state and templates stay in the database). */
export type RunActivity = Pick<
  RunDocument,
  '_id' | 'clinicId' | 'nodeId' | 'status' | 'steps' | 'endedReason' | 'createdAt' | 'updatedAt'
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
};

/** The `runs` collection: read by `_id` on the hot paths; scanned by appointment only for a reschedule. */
@Injectable()
export class RunRepository extends ClinicScopedRepository<RunDocument> implements OnModuleInit {
  constructor(db: Db) {
    super(db, 'runs');
  }

  onModuleInit() {
    return this.ensureIndexes([{ key: { clinicId: 1, appointmentId: 1 } }]);
  }

  /** Stores a new run unless it exists (its `_id` is deterministic): true when this call stored it. */
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
