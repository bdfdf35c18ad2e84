import { Injectable, Logger } from '@nestjs/common';
import type { ChangePassword, SetPassword } from '@clinicflow/contract';
import type { Principal, RequestOrigin } from '../../http/principal';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { RateLimiterService } from '../auth/rate-limiter.service';
import { LiveEventsService } from '../live/live-events.service';
import { SettingsService } from '../settings/settings.service';
import type { UserDocument } from '../users/user.repository';
import { tokenVersionOf, UserService, statusOf } from '../users/user.service';
import { AccountLinkService, FORGOT_PASSWORD_VALID_HOURS } from './account-link.service';
import { AccountMailService } from './account-mail.service';
import { errorSummary } from '../../common/logged-error';

/** Reset e-mails one address may ask for per hour; more asks are answered the same and send nothing. */
const RESETS_PER_HOUR = 3;

/**
 * A user's own account (docs/accounts.md): changing the password, signing out everywhere, and the public side of
 * links: what a link is for, setting the password with it, and "forgot password". A new password or "sign out
 * everywhere" ends every other session of the user at once, sockets included.
 */
@Injectable()
export class AccountService {
  private readonly logger = new Logger(AccountService.name);

  constructor(
    private readonly users: UserService,
    private readonly settings: SettingsService,
    private readonly auth: AuthService,
    private readonly limiter: RateLimiterService,
    private readonly links: AccountLinkService,
    private readonly mail: AccountMailService,
    private readonly live: LiveEventsService,
    private readonly audit: AuditService,
  ) {}

  /** A new password (the current one required); answers a new token, since the caller's own ended too. */
  async changePassword(principal: Principal, change: ChangePassword) {
    const userId = principal.userId!;
    await this.users.assertPassword(
      principal.clinicId,
      userId,
      change.currentPassword,
      'body.currentPassword',
    );
    const user = await this.users.setPassword(
      principal.clinicId,
      userId,
      change.newPassword,
      'body.newPassword',
    );
    this.endedSessions(user);
    await this.audit.record(principal, { action: 'user.password-changed', target: targetOf(user) });
    return { accessToken: await this.auth.issue(user) };
  }

  /** Ends every session of the caller, this one included. */
  async signOutEverywhere(principal: Principal): Promise<{ signedOut: true }> {
    const version = await this.users.endSessions(principal.clinicId, principal.userId!);
    this.live.sessionEnded(principal.clinicId, { id: principal.userId!, tokenVersion: version });
    await this.audit.record(principal, {
      action: 'user.signed-out-everywhere',
      target: { type: 'user', id: principal.userId!, label: principal.email ?? null },
    });
    return { signedOut: true };
  }

  /** What a link is for, before its visitor chooses a password (errors: see `AccountLinkService.usable`). */
  async describeLink(token: string) {
    const { link, user } = await this.links.usable(token);
    const settings = await this.settings.get(link.clinicId);
    return {
      purpose: link.purpose,
      email: user.email,
      name: user.name,
      clinicName: settings.name,
      expiresAt: link.expiresAt,
    };
  }

  /** Sets the password with a link (once); the user is signed in with the answered token. */
  async setPasswordWithLink(request: SetPassword, origin: RequestOrigin) {
    const { link, user } = await this.links.usable(request.token);
    // The rules first: a refused password does not use the link up.
    this.users.checkNewPassword(request.password, user.email, 'body.password');
    await this.links.consume(link);
    const updated = await this.users.setPassword(link.clinicId, user._id, request.password, 'body.password');
    await this.users.loggedIn(updated, request.password);
    this.endedSessions(updated);
    await this.audit.recordAs(link.clinicId, { kind: 'user', id: user._id, label: user.email }, origin, {
      action: link.purpose === 'invitation' ? 'user.activated' : 'user.password-reset',
      target: targetOf(user),
    });
    return { accessToken: await this.auth.issue(updated) };
  }

  /**
   * "Forgot password": e-mails a 1-hour reset link to each active account of the address, in its clinic. The
   * answer is the same whether the address has an account or not, and is given before anything is looked up, so
   * that its time tells nothing either; at most 3 e-mails an hour per address.
   */
  forgotPassword(email: string, origin: RequestOrigin): void {
    void this.sendResets(email.toLowerCase(), origin).catch((error: unknown) =>
      // never the address: only that a reset could not be planned, and why in the database's words
      this.logger.error(`A password reset could not be planned: ${errorSummary(error)}`),
    );
  }

  private async sendResets(email: string, origin: RequestOrigin): Promise<void> {
    const window = await this.limiter.hit(`forgot-password:${email}`, 3_600_000);
    if (window.hits > RESETS_PER_HOUR) return;
    const accounts = (await this.users.withEmail(email)).filter((u) => statusOf(u) === 'active');
    for (const user of accounts) {
      const settings = await this.settings.find(user.clinicId);
      if (!settings || settings.disabledAt) continue;
      const link = await this.links.issue(user, 'reset', FORGOT_PASSWORD_VALID_HOURS, 'forgot-password');
      await this.mail.send(settings, user, 'reset', link, FORGOT_PASSWORD_VALID_HOURS, null);
      await this.audit.recordAs(user.clinicId, { kind: 'anonymous', id: null, label: null }, origin, {
        action: 'user.password-reset-requested',
        target: targetOf(user),
        details: { by: 'forgot-password' },
      });
    }
  }

  /** Closes the user's sockets opened before this new session version, in every process. */
  private endedSessions(user: UserDocument) {
    this.live.sessionEnded(user.clinicId, { id: user._id, tokenVersion: tokenVersionOf(user) });
  }
}

function targetOf(user: UserDocument) {
  return { type: 'user', id: user._id, label: user.email };
}
