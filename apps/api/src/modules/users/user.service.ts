import { ConflictException, Injectable } from '@nestjs/common';
import { ClockRepository } from '../../common/clock.repository';
import { isDuplicateKeyError, newId } from '../../common/ids';
import { hashPassword } from '../auth/password';
import type { Role } from '../auth/principal';
import { UserDocument, UserRepository } from './user.repository';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export function toUserView(user: UserDocument) {
  return { id: user._id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt };
}

@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly clock: ClockRepository,
  ) {}

  async create(clinicId: string, user: NewUser) {
    try {
      const created = await this.users.insert(clinicId, {
        _id: newId(),
        email: user.email.toLowerCase(),
        name: user.name,
        role: user.role,
        passwordHash: await hashPassword(user.password),
        createdAt: this.clock.now(),
      });
      return toUserView(created);
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw new ConflictException({
          message: 'This e-mail already belongs to a user',
          errors: [{ path: 'body.email', message: 'already in use' }],
        });
      }
      throw error;
    }
  }

  async list(clinicId: string) {
    return (await this.users.findMany(clinicId, {}, { email: 1 })).map(toUserView);
  }
}
