import { Db } from 'mongodb';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Role } from '../../http/principal';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';

/** A user's state (absent on users stored before it existed: active). */
export type UserStatus = 'invited' | 'active' | 'disabled';

export interface UserDocument extends ClinicDocument {
  email: string;
  name: string;
  role: Role;
  /** argon2id (or an earlier bcrypt hash, replaced at the next login); null while an invitation is pending. */
  passwordHash: string | null;
  createdAt: Date;
  status?: UserStatus;
  /**
   * Tokens carry the version they were made at (`ver`): a password change, "sign out everywhere" or a disable
   * adds one, and every older token stops working at once. Absent: 0.
   */
  tokenVersion?: number;
  passwordChangedAt?: Date | null;
  lastLoginAt?: Date | null;
  /** The manager who invited the user (their e-mail), or null. */
  invitedBy?: string | null;
}

/** The clinics' users (`users`); an e-mail belongs to at most one user per clinic, and may be in several clinics. */
@Injectable()
export class UserRepository extends ClinicScopedRepository<UserDocument> implements OnModuleInit {
  constructor(db: Db) {
    super(db, 'users');
  }

  async onModuleInit() {
    // Users were unique by e-mail across clinics (index `email_1`); they are unique per clinic now.
    await this.collection.dropIndex('email_1').catch(() => undefined);
    await this.ensureIndexes([{ key: { clinicId: 1, email: 1 }, unique: true }, { key: { email: 1 } }]);
  }

  /** Adds a user; false when the clinic has a user with that e-mail already. */
  add(clinicId: string, user: Omit<UserDocument, 'clinicId'>): Promise<boolean> {
    return this.insertOnce(clinicId, user);
  }

  /** The clinic's users by e-mail. */
  ofClinic(clinicId: string): Promise<UserDocument[]> {
    return this.findMany(clinicId, {}, { email: 1 });
  }

  /** The clinic's user with this e-mail, or null. */
  inClinicByEmail(clinicId: string, email: string): Promise<UserDocument | null> {
    return this.findOne(clinicId, { email });
  }

  /**
   * Login and "forgot password" are the lookups that do not know the clinic yet: every user with this e-mail,
   * in whichever clinic, oldest first.
   */
  withEmail(email: string): Promise<UserDocument[]> {
    return this.collection.find({ email }).sort({ createdAt: 1, _id: 1 }).toArray() as Promise<
      UserDocument[]
    >;
  }

  /** A new password: the user becomes active and, when `endSessions`, every token made before stops working. */
  async setPassword(
    clinicId: string,
    id: string,
    passwordHash: string,
    at: Date,
    endSessions: boolean,
  ): Promise<UserDocument | null> {
    return this.updateById(clinicId, id, {
      $set: { passwordHash, passwordChangedAt: at, status: 'active' },
      ...(endSessions ? { $inc: { tokenVersion: 1 } } : {}),
    });
  }

  /** The same password under a stronger hash (at login): sessions go on. */
  async rehash(user: UserDocument, passwordHash: string): Promise<void> {
    await this.updateRead(user, { $set: { passwordHash } });
  }

  async recordLogin(user: UserDocument, at: Date): Promise<void> {
    await this.updateRead(user, { $set: { lastLoginAt: at } });
  }

  /** Disables (every session ends) or enables a user; null when the clinic has no such user. */
  setStatus(clinicId: string, id: string, status: 'active' | 'disabled'): Promise<UserDocument | null> {
    return this.updateById(clinicId, id, {
      $set: { status },
      ...(status === 'disabled' ? { $inc: { tokenVersion: 1 } } : {}),
    });
  }

  /** Ends every session of the user (their tokens' version is older now); null when there is no such user. */
  endSessions(clinicId: string, id: string): Promise<UserDocument | null> {
    return this.updateById(clinicId, id, { $inc: { tokenVersion: 1 } });
  }

  /** A pending invitation sent again, perhaps with another name or role. */
  reinvite(
    clinicId: string,
    id: string,
    fields: Pick<UserDocument, 'name' | 'role'>,
  ): Promise<UserDocument | null> {
    return this.updateById(clinicId, id, { $set: fields });
  }

  /** How many managers of the clinic can sign in (stored before statuses existed counts as active). */
  activeManagers(clinicId: string): Promise<number> {
    return this.count(clinicId, { role: 'manager', status: { $nin: ['invited', 'disabled'] } });
  }
}
