import { Injectable, Logger } from '@nestjs/common';
import type { Setup } from '@clinicflow/contract';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import { newId } from '../../common/ids';
import type { Principal, RequestOrigin } from '../../http/principal';
import { AccountLinkService, INVITATION_VALID_HOURS } from '../accounts/account-link.service';
import { AuditService, type AuditActor } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { FlowService } from '../flows/flow.service';
import { SettingsService } from '../settings/settings.service';
import { UserService } from '../users/user.service';
import { SetupClaimRepository } from './setup-claim.repository';
import { errorSummary } from '../../common/logged-error';

/** A clinic the platform operator creates: its manager chooses a password with the printed link. */
export interface OperatorClinic {
  name: string;
  timeZone: string;
  country: string;
  defaultLanguage: string;
  manager: { email: string; name: string };
}

/** A first-run claim older than this whose clinic never appeared belonged to a process that died. */
const ORPHANED_SETUP_MS = 60_000;

const OPERATOR: AuditActor = { kind: 'operator', id: null, label: 'platform operator' };

export interface NewClinic {
  name: string;
  timeZone: string;
  country: string;
  defaultLanguage: string;
  manager: { email: string; name: string; password: string };
}

/**
 * Creates tenants: the clinic's settings document (test mode, quiet hours 21:00–08:00, opt-in consent) and its
 * first manager; the first run of an empty installation and the platform operator's clinics also get the
 * starter flows as drafts, none enabled (docs/accounts.md).
 */
@Injectable()
export class ClinicService {
  private readonly logger = new Logger(ClinicService.name);

  constructor(
    private readonly settings: SettingsService,
    private readonly users: UserService,
    private readonly flows: FlowService,
    private readonly links: AccountLinkService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly setupClaims: SetupClaimRepository,
    private readonly clock: ClockRepository,
  ) {}

  /** Whether the installation waits for its first clinic (the editor then opens the setup page). */
  async setupState() {
    return { needed: await this.settings.isEmpty() };
  }

  /**
   * The first run: the first clinic and its manager, who is signed in by the answer. Refused with 409 once any
   * clinic exists (no takeover of an installed system), and to the second of two setups made at once.
   */
  async setUp(setup: Setup, origin: RequestOrigin) {
    if (!(await this.settings.isEmpty())) throw alreadySetUp();
    // the password first: a refused one must not leave a clinic without its manager
    this.users.checkNewPassword(setup.manager.password, setup.manager.email, 'body.manager.password');
    if (!(await this.claimFirstRun())) throw alreadySetUp();
    if (!(await this.settings.isEmpty())) throw alreadySetUp();
    const { clinicId, manager } = await this.create(
      { ...setup.clinic, manager: setup.manager },
      'body.manager.password',
    );
    const user = await this.users.get(clinicId, manager.id);
    await this.users.loggedIn(user, setup.manager.password);
    await this.draftStarters({
      kind: 'user',
      clinicId,
      userId: user._id,
      email: user.email,
      role: 'manager',
    });
    await this.audit.recordAs(clinicId, { kind: 'user', id: user._id, label: user.email }, origin, {
      action: 'clinic.created',
      target: { type: 'clinic', id: clinicId, label: setup.clinic.name },
      details: { by: 'first-run' },
    });
    return { clinicId, accessToken: await this.auth.issue(user) };
  }

  /**
   * A clinic made by the platform operator (`npm run clinic -- create`, or its HTTP route): its manager is
   * invited, and the answer carries the one-time link (72 h) with which they choose their password.
   */
  async createForOperator(
    clinic: OperatorClinic,
    origin: RequestOrigin = { address: null, userAgent: null },
  ) {
    const clinicId = newId();
    const { manager, ...base } = clinic;
    await this.settings.create(clinicId, base);
    const user = await this.users.invite(clinicId, { ...manager, role: 'manager' }, null);
    await this.draftStarters({
      kind: 'user',
      clinicId,
      userId: user._id,
      email: user.email,
      role: 'manager',
    });
    const link = await this.links.issue(user, 'invitation', INVITATION_VALID_HOURS, 'operator');
    await this.audit.recordAs(clinicId, OPERATOR, origin, {
      action: 'clinic.created',
      target: { type: 'clinic', id: clinicId, label: clinic.name },
      details: { by: 'operator' },
    });
    return {
      clinicId,
      name: clinic.name,
      managerEmail: user.email,
      setPasswordLink: link.url,
      expiresAt: link.expiresAt,
    };
  }

  /** Every clinic, for the platform operator. */
  list() {
    return this.settings.clinics();
  }

  /** Disables a clinic (the platform operator): its users and keys are refused, nothing is sent any more. */
  async disable(clinicId: string, origin: RequestOrigin = { address: null, userAgent: null }) {
    await this.settings.disable(clinicId);
    await this.audit.recordAs(clinicId, OPERATOR, origin, {
      action: 'clinic.disabled',
      target: { type: 'clinic', id: clinicId, label: null },
    });
    return { id: clinicId, disabled: true };
  }

  /** Every starter flow as a draft, none enabled: the clinic starts from working examples. */
  private async draftStarters(principal: Principal) {
    for (const { key } of this.flows.starters()) {
      try {
        await this.flows.createFromStarter(principal, key);
      } catch (error) {
        this.logger.warn(`Starter flow ${key} was not added: ${errorSummary(error)}`);
      }
    }
  }

  /** Claims the first run; a claim left by a process that died before making the clinic is taken over. */
  private async claimFirstRun(): Promise<boolean> {
    const now = this.clock.now();
    if (await this.setupClaims.claim(now)) return true;
    const claim = await this.setupClaims.find();
    if (!claim || now.getTime() - claim.at.getTime() < ORPHANED_SETUP_MS) return false;
    await this.setupClaims.release(claim.at);
    return this.setupClaims.claim(now);
  }

  async create(clinic: NewClinic, passwordPath = 'body.password') {
    const clinicId = newId();
    const { manager: _manager, ...base } = clinic;
    await this.settings.create(clinicId, base);
    const manager = await this.users.create(clinicId, { ...clinic.manager, role: 'manager' }, passwordPath);
    return { clinicId, manager };
  }
}

function alreadySetUp(): AppError {
  return AppError.conflict('This installation is already set up: sign in, or ask its operator for a clinic', [
    { path: 'body', message: 'already set up' },
  ]);
}
