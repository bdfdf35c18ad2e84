import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Login } from '@clinicflow/contract';
import { AppError, AppErrorCode } from '../../common/app-error';
import type { Principal, RequestOrigin } from '../../http/principal';
import { AuditService, type AuditActor } from '../audit/audit.service';
import { SettingsService } from '../settings/settings.service';
import type { UserDocument } from '../users/user.repository';
import { tokenVersionOf, UserService, statusOf } from '../users/user.service';
import { LoginLockoutService } from './login-lockout.service';

/** What an access token says: the user, their clinic, and the version of their sessions it was made at. */
interface TokenClaims {
  sub: string;
  clinicId: string;
  ver?: number;
  exp?: number;
}

/** A token's user as it is now, with when the token expires (a socket is closed then). */
export interface Session {
  principal: Principal;
  tokenVersion: number;
  expiresAt: Date | null;
}

const WRONG = 'Wrong e-mail or password';

/**
 * Login and access tokens (docs/accounts.md). A token names its user and the version of the user's sessions it
 * was made at; every request (and socket) reads the user again, so that disabling the user, a password change
 * or "sign out everywhere" ends every session at once, and a role change applies at once.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserService,
    private readonly settings: SettingsService,
    private readonly lockout: LoginLockoutService,
    private readonly audit: AuditService,
    private readonly jwt: JwtService,
  ) {}

  /**
   * Logs in with an e-mail and a password. An e-mail with accounts in several clinics needs `clinicId` once the
   * password is right: 409 naming `body.clinicId` and offering the clinics the password opened. Wrong passwords
   * lock the e-mail (`LoginLockoutService`); an unknown e-mail answers like a wrong password, in the same time.
   */
  async login(login: Login, origin: RequestOrigin): Promise<{ accessToken: string }> {
    const email = login.email.toLowerCase();
    const all = await this.users.withEmail(email);
    const candidates = login.clinicId ? all.filter((u) => u.clinicId === login.clinicId) : all;
    const attempt = await this.lockout.begin(email).catch(async (error: unknown) => {
      await this.recordEach(candidates, origin, 'login.refused', { reason: 'locked' });
      throw error;
    });
    const opened = await this.users.opened(candidates, login.password);
    if (opened.length === 0) {
      await this.recordEach(candidates, origin, 'login.failed', { reason: 'wrong password' });
      throw new AppError(AppErrorCode.Unauthorized, WRONG);
    }
    await this.lockout.succeeded(attempt);
    if (opened.length > 1) throw await this.chooseClinic(opened);
    const user = opened[0];
    if (statusOf(user) !== 'active' || (await this.settings.isClosed(user.clinicId))) {
      await this.recordEach([user], origin, 'login.refused', { reason: 'disabled' });
      throw new AppError(
        AppErrorCode.Forbidden,
        'This account is disabled: ask a manager of your clinic to enable it again',
      );
    }
    await this.users.loggedIn(user, login.password);
    await this.recordEach([user], origin, 'login.succeeded', {});
    return { accessToken: await this.issue(user) };
  }

  /** A token for this user at their current session version (12 hours). */
  issue(user: Pick<UserDocument, '_id' | 'clinicId' | 'tokenVersion'>): Promise<string> {
    const claims: TokenClaims = { sub: user._id, clinicId: user.clinicId, ver: tokenVersionOf(user) };
    return this.jwt.signAsync(claims);
  }

  /** The caller behind a bearer token, or null when the token is not ours, has expired or was ended. */
  async verify(token: string): Promise<Principal | null> {
    return (await this.session(token))?.principal ?? null;
  }

  /**
   * The session behind a token, or null: the token must be ours and unexpired, its user active, its clinic open
   * and its version the user's current one.
   */
  async session(token: string): Promise<Session | null> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return null;
    }
    const user = await this.users.session(claims.clinicId, claims.sub);
    const version = claims.ver ?? 0;
    if (!user || !user.active || user.tokenVersion !== version) return null;
    if (await this.settings.isClosed(claims.clinicId)) return null;
    return {
      principal: {
        kind: 'user',
        clinicId: claims.clinicId,
        userId: claims.sub,
        email: user.email,
        name: user.name,
        role: user.role,
      },
      tokenVersion: version,
      expiresAt: claims.exp ? new Date(claims.exp * 1000) : null,
    };
  }

  /** Whether a clinic is disabled (or gone): its API keys are refused too. */
  clinicClosed(clinicId: string): Promise<boolean> {
    return this.settings.isClosed(clinicId);
  }

  /** 409 naming `body.clinicId`, listing the clinics this password opens an account in. */
  private async chooseClinic(opened: UserDocument[]): Promise<AppError> {
    const names = await this.settings.names(opened.map((u) => u.clinicId));
    const clinics = opened.map((u) => ({ id: u.clinicId, name: names.get(u.clinicId) ?? u.clinicId }));
    return AppError.conflict('This e-mail has an account in several clinics: choose one', [
      { path: 'body.clinicId', message: 'choose one of these clinics', clinics },
    ]);
  }

  /** One audit entry in the clinic of each of these users (a clinic sees what happened to its own accounts). */
  private async recordEach(
    users: UserDocument[],
    origin: RequestOrigin,
    action: 'login.succeeded' | 'login.failed' | 'login.refused',
    details: Record<string, string>,
  ) {
    for (const user of users) {
      const actor: AuditActor = { kind: 'user', id: user._id, label: user.email };
      await this.audit.recordAs(user.clinicId, actor, origin, {
        action,
        target: { type: 'user', id: user._id, label: user.email },
        details,
      });
    }
  }
}
