import { Db } from 'mongodb';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Role } from '../../http/principal';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';

export interface UserDocument extends ClinicDocument {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: Date;
}

/** The clinics' users (`users`); an e-mail belongs to one user of one clinic. */
@Injectable()
export class UserRepository extends ClinicScopedRepository<UserDocument> implements OnModuleInit {
  constructor(db: Db) {
    super(db, 'users');
  }

  onModuleInit() {
    return this.ensureIndexes([{ key: { email: 1 }, unique: true }, { key: { clinicId: 1 } }]);
  }

  /** Adds a user; false when the e-mail already belongs to one. */
  add(clinicId: string, user: Omit<UserDocument, 'clinicId'>): Promise<boolean> {
    return this.insertOnce(clinicId, user);
  }

  /** The clinic's users by e-mail. */
  ofClinic(clinicId: string): Promise<UserDocument[]> {
    return this.findMany(clinicId, {}, { email: 1 });
  }

  /** Login is the one lookup that does not know the clinic yet: an e-mail belongs to one user of one clinic. */
  findByEmailForLogin(email: string): Promise<UserDocument | null> {
    return this.collection.findOne({ email });
  }
}
