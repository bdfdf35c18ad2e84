import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash, randomBytes } from 'node:crypto';
import { AppError, AppErrorCode } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import type { Env } from '../../config/env';
import { publicBaseUrl } from '../../config/public-base-url';
import type { UserDocument } from '../users/user.repository';
import { UserService, statusOf } from '../users/user.service';
import {
  AccountLinkDocument,
  AccountLinkRepository,
  AccountLinkUseRepository,
  type LinkPurpose,
} from './account-link.repository';

/** How long a link works: an invitation or a manager's reset 72 hours, a "forgot password" 1 hour. */
export const INVITATION_VALID_HOURS = 72;
export const FORGOT_PASSWORD_VALID_HOURS = 1;

/** A link just made: the token is in `url` only, and never stored or logged. */
export interface IssuedLink {
  id: string;
  url: string;
  expiresAt: Date;
}

/** A link that may be used now, and its user. */
export interface UsableLink {
  link: AccountLinkDocument;
  user: UserDocument;
}

/**
 * Set-password links (docs/accounts.md): `<base>/set-password#<token>`, the token 256 random bits. The fragment
 * never reaches a server's log; the base is `PUBLIC_URL`, else `http://localhost:<PORT>`, never the request's
 * Host header (a forged Host would send the token elsewhere). A link works once, until it expires, and not after
 * its user's password changed since it was made.
 */
@Injectable()
export class AccountLinkService {
  private readonly base: string;

  constructor(
    config: ConfigService<Env, true>,
    private readonly links: AccountLinkRepository,
    private readonly uses: AccountLinkUseRepository,
    private readonly users: UserService,
    private readonly clock: ClockRepository,
  ) {
    this.base = publicBaseUrl(config);
  }

  async issue(
    user: UserDocument,
    purpose: LinkPurpose,
    validHours: number,
    createdBy: string,
  ): Promise<IssuedLink> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const id = linkId(token);
    const expiresAt = new Date(now.getTime() + validHours * 3_600_000);
    await this.links.add(user.clinicId, {
      _id: id,
      userId: user._id,
      purpose,
      createdAt: now,
      expiresAt,
      createdBy,
    });
    return { id, url: `${this.base}/set-password#${token}`, expiresAt };
  }

  /**
   * The link behind a token, if it may be used now: 404 unknown, 409 used (or its user's password changed since,
   * or the invitation was accepted another way), 410 expired, 403 when its user is disabled. Each problem names
   * `body.token`.
   */
  async usable(token: string): Promise<UsableLink> {
    const link = await this.links.findForUse(linkId(token));
    if (!link) throw problem(AppErrorCode.NotFound, 'This link is not valid. Ask for a new one.', 'unknown');
    if (await this.uses.isUsed(link.clinicId, link._id)) throw used();
    if (this.clock.now().getTime() >= link.expiresAt.getTime()) {
      throw problem(AppErrorCode.Gone, 'This link has expired. Ask for a new one.', 'expired');
    }
    const user = await this.users.get(link.clinicId, link.userId).catch(() => null);
    if (!user) throw problem(AppErrorCode.NotFound, 'This link is not valid. Ask for a new one.', 'unknown');
    if (statusOf(user) === 'disabled') {
      throw problem(
        AppErrorCode.Forbidden,
        'This account is disabled: ask a manager of your clinic.',
        'disabled',
      );
    }
    const changedSince =
      user.passwordChangedAt && user.passwordChangedAt.getTime() >= link.createdAt.getTime();
    if ((link.purpose === 'invitation' && statusOf(user) !== 'invited') || changedSince) throw used();
    return { link, user };
  }

  /** Uses the link up: 409 when another request used it first (the insert of its use decides). */
  async consume(link: AccountLinkDocument): Promise<void> {
    if (!(await this.uses.claim(link.clinicId, link._id, this.clock.now()))) throw used();
  }
}

function linkId(token: string): string {
  return `lnk_${createHash('sha256').update(token).digest('hex')}`;
}

function used(): AppError {
  return problem(AppErrorCode.Conflict, 'This link was already used. Sign in, or ask for a new one.', 'used');
}

function problem(code: AppErrorCode, message: string, reason: string): AppError {
  return new AppError(code, message, [{ path: 'body.token', message: reason }]);
}
