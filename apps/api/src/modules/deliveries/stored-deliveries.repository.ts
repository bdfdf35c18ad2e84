import { Db } from 'mongodb';
import { ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import { withNulls, type DeliveryDocument } from './delivery.document';

/**
 * What the deliveries' repositories share: the `deliveries` collection, whose documents are stored without
 * their null fields and read with them given back (`withNulls`), by every read of the base class.
 */
export abstract class StoredDeliveriesRepository extends ClinicScopedRepository<DeliveryDocument> {
  protected constructor(db: Db) {
    super(db, 'deliveries');
  }

  protected override fromStored(delivery: DeliveryDocument): DeliveryDocument {
    return withNulls(delivery);
  }
}
