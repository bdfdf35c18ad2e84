import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import type { AppointmentStatus, EventType } from '../events/event.dto';

export interface AppointmentDocument extends ClinicDocument {
  externalId: string;
  start: Date | null;
  end: Date | null;
  /** The clinic-local day of `start` (yyyy-MM-dd), stored so "appointments of a day" needs no date math. */
  localDay: string | null;
  status: AppointmentStatus;
  source: string | null;
  notes: string | null;
  patientId: string | null;
  serviceId: string | null;
  resourceId: string | null;
  locationId: string | null;
  /** References the PMS named but the clinic did not know: placeholders were made; the report flags them. */
  unknownReferences: ('service' | 'resource' | 'location')[];
  /** The last event applied and when it happened, so a late older event does not undo a newer one. */
  lastEventType: EventType;
  lastEventAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

@Injectable()
export class AppointmentRepository
  extends ClinicScopedRepository<AppointmentDocument>
  implements OnModuleInit
{
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'appointments');
  }

  onModuleInit() {
    return this.ensureIndexes([{ key: { clinicId: 1, localDay: 1 } }]);
  }
}
