import { Injectable } from '@nestjs/common';
import type { Invitation } from '@clinicflow/contract';
import type { Principal } from '../../http/principal';
import { AuditService } from '../audit/audit.service';
import { LiveEventsService } from '../live/live-events.service';
import { SettingsService } from '../settings/settings.service';
import type { UserDocument } from '../users/user.repository';
import { toUserView, tokenVersionOf, UserService, statusOf } from '../users/user.service';
import type { LinkPurpose } from './account-link.repository';
import { AccountLinkService, INVITATION_VALID_HOURS } from './account-link.service';
import { AccountMailService } from './account-mail.service';

/**
 * A manager's team (docs/accounts.md): invitations by e-mail, password resets by e-mail link, disabling and
 * enabling users. Each act is recorded in the audit trail; a disable ends the user's sessions everywhere.
 */
@Injectable()
export class TeamService {
  constructor(
    private readonly users: UserService,
    private readonly settings: SettingsService,
    private readonly links: AccountLinkService,
    private readonly mail: AccountMailService,
    private readonly live: LiveEventsService,
    private readonly audit: AuditService,
  ) {}

  /** Invites a user by e-mail (sends the invitation again while it is pending). */
  async invite(principal: Principal, invitation: Invitation) {
    const user = await this.users.invite(principal.clinicId, invitation, principal.email ?? null);
    const testModeLink = await this.sendLink(principal, user, 'invitation');
    await this.audit.record(principal, {
      action: 'user.invited',
      target: { type: 'user', id: user._id, label: user.email },
      details: { role: user.role },
    });
    return { user: toUserView(user), testModeLink };
  }

  /** E-mails the user a link to choose a new password; their password works until they do. */
  async resetPassword(principal: Principal, userId: string) {
    const user = await this.users.get(principal.clinicId, userId);
    const purpose: LinkPurpose = statusOf(user) === 'invited' ? 'invitation' : 'reset';
    const testModeLink = await this.sendLink(principal, user, purpose);
    await this.audit.record(principal, {
      action: 'user.password-reset-requested',
      target: { type: 'user', id: user._id, label: user.email },
      details: { by: 'manager' },
    });
    return { user: toUserView(user), testModeLink };
  }

  /** Disables a user (their sessions end at once, sockets included) or enables them again. */
  async setDisabled(principal: Principal, userId: string, disabled: boolean) {
    const user = await this.users.setDisabled(principal.clinicId, userId, disabled);
    if (disabled) {
      this.live.sessionEnded(principal.clinicId, { id: user._id, tokenVersion: tokenVersionOf(user) });
    }
    await this.audit.record(principal, {
      action: disabled ? 'user.disabled' : 'user.enabled',
      target: { type: 'user', id: user._id, label: user.email },
    });
    return toUserView(user);
  }

  /**
   * Makes a 72-hour link and e-mails it. In test mode the e-mail goes to the sandbox and reaches nobody, so the
   * link is answered to the manager to hand over (null otherwise: it is in the e-mail only).
   */
  private async sendLink(
    principal: Principal,
    user: UserDocument,
    purpose: LinkPurpose,
  ): Promise<string | null> {
    const settings = await this.settings.get(principal.clinicId);
    const by = principal.email ?? 'manager';
    const link = await this.links.issue(user, purpose, INVITATION_VALID_HOURS, by);
    await this.mail.send(settings, user, purpose, link, INVITATION_VALID_HOURS, principal.email ?? null);
    return settings.testMode ? link.url : null;
  }
}
