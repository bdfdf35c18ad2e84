import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import { activeRunStatuses, type RunDocument } from '../runs/run.document';

/** The parts of a run the overlay reads (its rules state and templates stay in the database). */
export type RunActivity = Pick<
  RunDocument,
  '_id' | 'clinicId' | 'nodeId' | 'status' | 'steps' | 'endedReason' | 'createdAt' | 'updatedAt'
>;

/** The parts of a delivery the overlay reads. */
export type DeliveryActivity = Pick<
  DeliveryDocument,
  '_id' | 'clinicId' | 'runId' | 'nodeId' | 'status' | 'recipient' | 'reason' | 'error' | 'updatedAt'
>;

const runFields = { nodeId: 1, status: 1, steps: 1, endedReason: 1, createdAt: 1, updatedAt: 1, clinicId: 1 };
const deliveryFields = {
  runId: 1,
  nodeId: 1,
  status: 1,
  recipient: 1,
  reason: 1,
  error: 1,
  updatedAt: 1,
  clinicId: 1,
};

/**
 * Reads one flow's runs for the live overlay. FerretDB scans for anything but `_id`, so the filter keeps what
 * comes back small: the runs touched since the day began, and those still waiting.
 */
@Injectable()
export class FlowRunActivityRepository extends ClinicScopedRepository<RunDocument> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'runs');
  }

  touchedSinceOrWaiting(clinicId: string, flowId: string, since: Date): Promise<RunActivity[]> {
    const filter = {
      flowId,
      $or: [{ updatedAt: { $gte: since } }, { status: { $in: [...activeRunStatuses] } }],
    };
    return this.collection.find(this.scope(clinicId, filter), { projection: runFields }).toArray() as Promise<
      RunActivity[]
    >;
  }
}

/** Reads one flow's deliveries of one clinic-local send day (a handful per flow and day). */
@Injectable()
export class FlowDeliveryActivityRepository extends ClinicScopedRepository<DeliveryDocument> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'deliveries');
  }

  ofSendDay(clinicId: string, flowId: string, sendDay: string): Promise<DeliveryActivity[]> {
    return this.collection
      .find(this.scope(clinicId, { flowId, sendDay }), { projection: deliveryFields })
      .toArray() as Promise<DeliveryActivity[]>;
  }
}
