import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import { newId } from '../../common/ids';
import type { Principal, Role } from '../../http/principal';
import { AuditService } from '../audit/audit.service';
import { hashPassword, needsRehash, unknownUserHash, verifyPassword } from './password';
import { passwordProblem } from './password-rules';
import { UserDocument, UserRepository, type UserStatus } from './user.repository';

/** A user's state, for users stored before it existed too. */
export function statusOf(user: Pick<UserDocument, 'status'>): UserStatus {
  return user.status ?? 'active';
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** What the access guard needs of a token's user on every request (the token's version must be current). */
export interface UserSession {
  email: string;
  name: string;
  role: Role;
  tokenVersion: number;
  active: boolean;
}

export function toUserView(user: UserDocument) {
  return {
    id: user._id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: statusOf(user),
    createdAt: user.createdAt,
    lastLoginAt: user.lastLoginAt ?? null,
  };
}

/** The version a user's current tokens must carry. */
export function tokenVersionOf(user: Pick<UserDocument, 'tokenVersion'>): number {
  return user.tokenVersion ?? 0;
}

/**
 * The clinics' users and their passwords. An e-mail is unique within a clinic, and the same person may have an
 * account in several clinics (docs/accounts.md says how login finds the clinic).
 */
@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly clock: ClockRepository,
    private readonly audit: AuditService,
  ) {}

  /** `POST /api/users`: a manager adds a user with a password; recorded in the audit trail. */
  async add(principal: Principal, user: NewUser) {
    const created = await this.create(principal.clinicId, user);
    await this.audit.record(principal, {
      action: 'user.created',
      target: { type: 'user', id: created.id, label: created.email },
      details: { role: created.role },
    });
    return created;
  }

  /** A user with a password, active at once (the demo's users, and `POST /api/users`). */
  async create(clinicId: string, user: NewUser, passwordPath = 'body.password') {
    this.assertAcceptable(user.password, user.email, passwordPath);
    const now = this.clock.now();
    const document: UserDocument = {
      _id: newId(),
      clinicId,
      email: user.email.toLowerCase(),
      name: user.name,
      role: user.role,
      passwordHash: await hashPassword(user.password),
      status: 'active',
      tokenVersion: 0,
      createdAt: now,
      passwordChangedAt: now,
      lastLoginAt: null,
      invitedBy: null,
    };
    if (!(await this.users.add(clinicId, document))) throw emailTaken();
    return toUserView(document);
  }

  /**
   * A user who sets their own password through a link: `invited` until then. Inviting an e-mail whose invitation
   * is still pending sends it again (with the name and role given now); an e-mail of an active or disabled user
   * of the clinic is a 409.
   */
  async invite(clinicId: string, user: Omit<NewUser, 'password'>, invitedBy: string | null) {
    const email = user.email.toLowerCase();
    const pending = await this.users.inClinicByEmail(clinicId, email);
    if (pending) {
      if (statusOf(pending) !== 'invited') throw emailTaken();
      return (await this.users.reinvite(clinicId, pending._id, { name: user.name, role: user.role }))!;
    }
    const document: UserDocument = {
      _id: newId(),
      clinicId,
      email,
      name: user.name,
      role: user.role,
      passwordHash: null,
      status: 'invited',
      tokenVersion: 0,
      createdAt: this.clock.now(),
      passwordChangedAt: null,
      lastLoginAt: null,
      invitedBy,
    };
    if (!(await this.users.add(clinicId, document))) throw emailTaken();
    return document;
  }

  async list(clinicId: string) {
    return (await this.users.ofClinic(clinicId)).map(toUserView);
  }

  /** A user of the clinic, or null (the sender of a one-off or batch send, `{{user.name}}`). */
  async find(clinicId: string, id: string) {
    const user = await this.users.findById(clinicId, id);
    return user ? toUserView(user) : null;
  }

  /** The stored user, or 404. */
  async get(clinicId: string, id: string): Promise<UserDocument> {
    const user = await this.users.findById(clinicId, id);
    if (!user) throw AppError.notFound(`No user ${id}`);
    return user;
  }

  /** Whether someone has a user with this e-mail (in any clinic). */
  async isRegistered(email: string): Promise<boolean> {
    return (await this.users.withEmail(email.toLowerCase())).length > 0;
  }

  /** Every user with this e-mail, in whichever clinic (login and "forgot password" do not know the clinic). */
  withEmail(email: string): Promise<UserDocument[]> {
    return this.users.withEmail(email.toLowerCase());
  }

  /**
   * Which of these users (the accounts of one e-mail) the password opens. Every candidate's hash is verified, at
   * once, and a stand-in hash when there is none, so that an unknown e-mail takes as long as a known one.
   */
  async opened(candidates: UserDocument[], password: string): Promise<UserDocument[]> {
    const withPassword = candidates.filter((u) => u.passwordHash);
    if (withPassword.length === 0) {
      await verifyPassword(password, await unknownUserHash());
      return [];
    }
    const checks = await Promise.all(withPassword.map((u) => verifyPassword(password, u.passwordHash!)));
    return withPassword.filter((_, i) => checks[i]);
  }

  /**
   * After a good password (a login, or signing in by setting one): the sign-in's time, and an argon2id hash in
   * place of an older kind of hash.
   */
  async loggedIn(user: UserDocument, password: string): Promise<void> {
    await this.users.recordLogin(user, this.clock.now());
    if (user.passwordHash && needsRehash(user.passwordHash)) {
      await this.users.rehash(user, await hashPassword(password));
    }
  }

  /** The user behind a token, as the access guard checks it on every request; null when there is none. */
  async session(clinicId: string, userId: string): Promise<UserSession | null> {
    const user = await this.users.findById(clinicId, userId);
    if (!user) return null;
    return {
      email: user.email,
      name: user.name,
      role: user.role,
      tokenVersion: tokenVersionOf(user),
      active: statusOf(user) === 'active',
    };
  }

  /** Sets a new password (the rules checked, `path` naming the field); every earlier session ends. */
  async setPassword(clinicId: string, id: string, password: string, path: string): Promise<UserDocument> {
    const user = await this.get(clinicId, id);
    this.assertAcceptable(password, user.email, path);
    const updated = await this.users.setPassword(
      clinicId,
      id,
      await hashPassword(password),
      this.clock.now(),
      true,
    );
    if (!updated) throw AppError.notFound(`No user ${id}`);
    return updated;
  }

  /** The user's current password, checked before a change: 400 naming the field (a 401 would end the session). */
  async assertPassword(clinicId: string, id: string, password: string, path: string): Promise<void> {
    const user = await this.get(clinicId, id);
    if (!user.passwordHash || !(await verifyPassword(password, user.passwordHash))) {
      throw AppError.invalid([{ path, message: 'is not your current password' }], 'Wrong current password');
    }
  }

  /**
   * Disables (every session ends at once) or enables a user. The last active manager cannot be disabled: the
   * count is checked again after the write and the disable undone when it left no manager, so that two managers
   * disabling each other at the same moment cannot both succeed.
   */
  async setDisabled(clinicId: string, id: string, disabled: boolean): Promise<UserDocument> {
    const user = await this.get(clinicId, id);
    if (statusOf(user) === 'invited') {
      throw AppError.conflict('This user has not accepted the invitation yet', [
        { path: 'params.id', message: 'the invitation is pending' },
      ]);
    }
    if (!disabled) return (await this.users.setStatus(clinicId, id, 'active'))!;
    if (
      user.role === 'manager' &&
      statusOf(user) === 'active' &&
      (await this.users.activeManagers(clinicId)) <= 1
    ) {
      throw lastManager();
    }
    const updated = (await this.users.setStatus(clinicId, id, 'disabled'))!;
    if (user.role === 'manager' && (await this.users.activeManagers(clinicId)) === 0) {
      await this.users.setStatus(clinicId, id, 'active');
      throw lastManager();
    }
    return updated;
  }

  /** Ends every session of the user ("sign out everywhere"); answers the new token version. */
  async endSessions(clinicId: string, id: string): Promise<number> {
    const updated = await this.users.endSessions(clinicId, id);
    if (!updated) throw AppError.notFound(`No user ${id}`);
    return tokenVersionOf(updated);
  }

  /** 400 naming `path` when the password may not be the user's new one (a link is used only after this). */
  checkNewPassword(password: string, email: string, path: string): void {
    this.assertAcceptable(password, email, path);
  }

  private assertAcceptable(password: string, email: string, path: string) {
    const problem = passwordProblem(password, email);
    if (problem) throw AppError.invalid([{ path, message: problem }], 'This password cannot be used');
  }
}

function emailTaken() {
  return AppError.conflict('This e-mail already belongs to a user of this clinic', [
    { path: 'body.email', message: 'already in use' },
  ]);
}

function lastManager() {
  return AppError.conflict('The clinic’s last active manager cannot be disabled', [
    { path: 'params.id', message: 'the last active manager' },
  ]);
}
