import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import type { Role } from '../auth/principal';

export interface UserDocument extends ClinicDocument {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: Date;
}

@Injectable()
export class UserRepository extends ClinicScopedRepository<UserDocument> implements OnModuleInit {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'users');
  }

  onModuleInit() {
    return this.ensureIndexes([{ key: { email: 1 }, unique: true }, { key: { clinicId: 1 } }]);
  }

  /** Login is the one lookup that does not know the clinic yet: an e-mail belongs to one user of one clinic. */
  findByEmailForLogin(email: string): Promise<UserDocument | null> {
    return this.collection.findOne({ email });
  }
}
