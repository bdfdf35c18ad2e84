import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppError, AppErrorCode } from '../../common/app-error';
import { UserService } from '../users/user.service';
import type { Principal, Role } from '../../http/principal';

interface TokenClaims {
  sub: string;
  clinicId: string;
  email: string;
  role: Role;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserService,
    private readonly jwt: JwtService,
  ) {}

  async login(email: string, password: string) {
    const user = await this.users.withPassword(email, password);
    if (!user) throw new AppError(AppErrorCode.Unauthorized, 'Wrong e-mail or password');
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
