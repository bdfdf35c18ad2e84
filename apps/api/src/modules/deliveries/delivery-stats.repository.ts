import { DELIVERY_OUTCOMES } from '@clinicflow/contract';
import { Injectable } from '@nestjs/common';
import type { Channel } from '@clinicflow/rules';
import { Db, type Filter } from 'mongodb';
import { queuedStatuses, withNulls, type DeliveryDocument } from './delivery.document';
import { StoredDeliveriesRepository } from './stored-deliveries.repository';

/** The parts of a delivery the live overlay of a flow reads. */
export type DeliveryActivity = Pick<
  DeliveryDocument,
  | '_id'
  | 'clinicId'
  | 'runId'
  | 'nodeId'
  | 'status'
  | 'recipient'
  | 'reason'
  | 'error'
  | 'updatedAt'
  | 'patientId'
>;

const ACTIVITY_FIELDS: Record<keyof DeliveryActivity, 1> = {
  _id: 1,
  clinicId: 1,
  runId: 1,
  nodeId: 1,
  status: 1,
  recipient: 1,
  reason: 1,
  error: 1,
  updatedAt: 1,
  patientId: 1,
};

/**
 * Small read-only counters and lookups over `deliveries`: the service status page (S8), a batch's progress
 * (F11) and a flow's live overlay. Counts group by one field each (FerretDB computes one accumulator).
 */
@Injectable()
export class DeliveryStatsRepository extends StoredDeliveriesRepository {
  constructor(db: Db) {
    super(db);
  }

  /** The latest delivery of a channel that went out. */
  lastSent(clinicId: string, channel: Channel): Promise<DeliveryDocument | null> {
    return this.findOne(clinicId, { channel, sentAt: { $ne: null } }, { sentAt: -1 });
  }

  /** The latest delivery of a channel that a provider refused (failed, or failed and retrying). */
  lastError(clinicId: string, channel: Channel): Promise<DeliveryDocument | null> {
    return this.findOne(clinicId, { channel, error: { $ne: null } }, { updatedAt: -1 });
  }

  /** Per channel: deliveries still waiting for the dispatcher. */
  waitingByChannel(clinicId: string): Promise<Record<string, number>> {
    return this.countBy(clinicId, { status: { $in: [...queuedStatuses] } }, 'channel');
  }

  /** Per channel: deliveries that went out since `since`. */
  sentSinceByChannel(clinicId: string, since: Date): Promise<Record<string, number>> {
    return this.countBy(clinicId, { sentAt: { $gte: since } }, 'channel');
  }

  /** A batch's deliveries by status. */
  batchProgress(clinicId: string, batchId: string): Promise<Record<string, number>> {
    return this.countBy(clinicId, { batchId }, 'status');
  }

  /** The appointments among `ids` that already had a message on the channel go out. */
  async appointmentsWithSent(clinicId: string, ids: string[], channel: Channel): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const filter: Filter<DeliveryDocument> = {
      appointmentId: { $in: ids },
      channel,
      status: { $in: [...DELIVERY_OUTCOMES.sent] },
    };
    const found = await this.collection
      .find(this.scope(clinicId, filter))
      .project<{ appointmentId: string }>({ appointmentId: 1 })
      .toArray();
    return new Set(found.map((d) => d.appointmentId));
  }

  /** One flow's deliveries of one clinic-local send day (a handful per flow and day). */
  async ofFlowOnSendDay(clinicId: string, flowId: string, sendDay: string): Promise<DeliveryActivity[]> {
    const found = await this.collection
      .find(this.scope(clinicId, { flowId, sendDay }), { projection: ACTIVITY_FIELDS })
      .toArray();
    return found.map((row) => withNulls(row as DeliveryActivity, ACTIVITY_FIELDS));
  }
}
