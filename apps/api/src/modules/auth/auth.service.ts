import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UserRepository } from '../users/user.repository';
import { UNKNOWN_USER_HASH, verifyPassword } from './password';
import type { Principal, Role } from './principal';

interface TokenClaims {
  sub: string;
  clinicId: string;
  email: string;
  role: Role;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly jwt: JwtService,
  ) {}

  async login(email: string, password: string) {
    const user = await this.users.findByEmailForLogin(email.toLowerCase());
    const valid = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !valid) throw new UnauthorizedException('Wrong e-mail or password');
    const claims: TokenClaims = {
      sub: user._id,
      clinicId: user.clinicId,
      email: user.email,
      role: user.role,
    };
    return { accessToken: await this.jwt.signAsync(claims) };
  }

  /** The caller behind a bearer token, or null when the token is not ours or has expired. */
  async verify(token: string): Promise<Principal | null> {
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token);
      return {
        kind: 'user',
        clinicId: claims.clinicId,
        userId: claims.sub,
        email: claims.email,
        role: claims.role,
      };
    } catch {
      return null;
    }
  }
}
