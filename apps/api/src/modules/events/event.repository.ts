import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import type { EventType, PmsEvent } from './event.dto';

interface WriteError {
  index: number;
  code: number;
}

/**
 * An event as received. `_id` is derived from the clinic and the PMS's event id, so the same event posted
 * twice, even at the same instant, is stored once: the second insert gets a duplicate-key error.
 */
export interface EventDocument extends ClinicDocument {
  eventId: string;
  type: EventType;
  occurredAt: Date;
  receivedAt: Date;
  payload: PmsEvent;
  appointmentId: string | null;
  patientId: string | null;
  resourceId: string | null;
  /**
   * For the engine: `done` once turned into runs; `applied` once written to the appointment and patient (the
   * crash-recovery sweep applies an event again only when it was not).
   */
  engine: { status: 'pending' | 'done'; applied?: boolean };
}

@Injectable()
export class EventRepository extends ClinicScopedRepository<EventDocument> implements OnModuleInit {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'events');
  }

  onModuleInit() {
    return this.ensureIndexes([{ key: { clinicId: 1, appointmentId: 1 } }]);
  }

  /** Inserts many; answers the indexes that were duplicates (unordered: the others are stored). */
  async insertManyReportingDuplicates(
    clinicId: string,
    events: Omit<EventDocument, 'clinicId'>[],
  ): Promise<Set<number>> {
    try {
      await this.insertMany(clinicId, events);
      return new Set();
    } catch (error) {
      const reported = (error as { writeErrors?: WriteError | WriteError[] }).writeErrors;
      const writeErrors = reported === undefined ? [] : ([] as WriteError[]).concat(reported);
      if (writeErrors.length === 0 || writeErrors.some((e) => e.code !== 11000)) throw error;
      return new Set(writeErrors.map((e) => e.index));
    }
  }
}

/** An event as answered: the PMS's id as `id`. */
export function toEventView(event: EventDocument) {
  const { _id, clinicId: _clinicId, eventId, ...rest } = event;
  return { id: eventId, ...rest };
}
