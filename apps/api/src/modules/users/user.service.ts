import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import { newId } from '../../common/ids';
import type { Role } from '../../http/principal';
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from './password';
import { UserDocument, UserRepository } from './user.repository';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export function toUserView(user: Pick<UserDocument, '_id' | 'email' | 'name' | 'role' | 'createdAt'>) {
  return { id: user._id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt };
}

@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly clock: ClockRepository,
  ) {}

  async create(clinicId: string, user: NewUser) {
    const document = {
      _id: newId(),
      email: user.email.toLowerCase(),
      name: user.name,
      role: user.role,
      passwordHash: await hashPassword(user.password),
      createdAt: this.clock.now(),
    };
    if (!(await this.users.add(clinicId, document))) {
      throw AppError.conflict('This e-mail already belongs to a user', [
        { path: 'body.email', message: 'already in use' },
      ]);
    }
    return toUserView(document);
  }

  async list(clinicId: string) {
    return (await this.users.ofClinic(clinicId)).map(toUserView);
  }

  /** A user of the clinic, or null (the sender of a one-off or batch send, `{{user.name}}`). */
  async find(clinicId: string, id: string) {
    const user = await this.users.findById(clinicId, id);
    return user ? toUserView(user) : null;
  }

  /** Whether someone has a user with this e-mail (in any clinic). */
  async isRegistered(email: string): Promise<boolean> {
    return (await this.users.findByEmailForLogin(email.toLowerCase())) !== null;
  }

  /** The user with this e-mail and password, or null (both answers take the same time). */
  async withPassword(email: string, password: string): Promise<UserDocument | null> {
    const user = await this.users.findByEmailForLogin(email.toLowerCase());
    const valid = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    return user && valid ? user : null;
  }
}
