import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import { activeRunStatuses, type RunDocument } from './run.document';

/** The `runs` collection: read by `_id` on the hot paths; scanned by appointment only for a reschedule. */
@Injectable()
export class RunRepository extends ClinicScopedRepository<RunDocument> implements OnModuleInit {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'runs');
  }

  onModuleInit() {
    return this.ensureIndexes([{ key: { clinicId: 1, appointmentId: 1 } }]);
  }

  /** Runs of an appointment that may still send or wait. */
  activeForAppointment(clinicId: string, appointmentId: string): Promise<RunDocument[]> {
    return this.findMany(clinicId, { appointmentId, status: { $in: [...activeRunStatuses] } });
  }

  findByIds(clinicId: string, ids: string[]): Promise<RunDocument[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.findMany(clinicId, { _id: { $in: ids } });
  }
}
