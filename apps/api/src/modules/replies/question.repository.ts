import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Document as MongoDocument } from 'mongodb';
import type { Connection } from 'mongoose';
import { ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import type { DeliveryDocument } from '../deliveries/delivery.document';

/** The deliveries a reply can answer: questions (`expectsReply`) that reached the phone. */
@Injectable()
export class QuestionRepository extends ClinicScopedRepository<DeliveryDocument> {
  private readonly runs: Collection<MongoDocument & { _id: string }>;

  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'deliveries');
    this.runs = connection.db!.collection('runs');
  }

  /** Whether the question's run still waits for this answer (a late reply does not reopen a closed step). */
  async stillAwaited(question: DeliveryDocument): Promise<boolean> {
    if (!question.runId) return true;
    const run = await this.runs.findOne({ _id: question.runId });
    return (
      run?.clinicId === question.clinicId && run.status === 'awaiting-reply' && run.nodeId === question.nodeId
    );
  }

  /** The latest question sent to this address (answered ones too: a second answer is not taken as a first) (a reply is rare: a scan of the clinic's deliveries is fine). */
  latestTo(clinicId: string, address: string): Promise<DeliveryDocument | null> {
    return this.collection
      .find(
        this.scope(clinicId, {
          'recipient.address': address,
          expectsReply: true,
          status: { $in: ['sent', 'delivered', 'answered'] },
        }),
      )
      .sort({ sentAt: -1 })
      .limit(1)
      .next() as Promise<DeliveryDocument | null>;
  }
}
