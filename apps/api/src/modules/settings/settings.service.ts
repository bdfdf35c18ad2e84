import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { parseAllowedHosts, type ProviderHostPolicy, type ReplyRoutes } from '@clinicflow/channels';
import { sendingRateOf } from '@clinicflow/contract';
import { setTimeout } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import type { Env } from '../../config/env';
import type { Principal } from '../../http/principal';
import { AuditService } from '../audit/audit.service';
import { CredentialCipherRepository, CredentialsUnreadableError } from './credential-cipher.repository';
import { CreditsService } from './credits.service';
import { newCallbackSecret } from './callback-secret.service';
import { ProviderConnectionPort } from './provider-connection.port';
import { assertProviderHostsAllowed } from './provider-hosts';
import type { ProviderConnectionSettings } from './provider-settings';
import { replyRoutesOf } from './reply-routes';
import { withAdminMobile } from './admin-mobile';
import {
  Channel,
  CHANNELS,
  COMPARABLE_SECTIONS,
  DEFAULT_ADMIN_ALERTS,
  DEFAULT_EMAIL_OPEN_TRACKING,
  DEFAULT_RETENTION,
  ProviderInput,
  SettingsUpdate,
  TopUp,
} from './settings.dto';
import {
  SettingsDocument,
  SettingsRepository,
  SettingsRevisionRepository,
  StoredProvider,
} from './settings.repository';

const MASK = '********';
/** A revision claim older than this whose PUT never wrote is taken as orphaned. */
const ORPHANED_CLAIM_MS = 60_000;

/** Settings of a new clinic: careful defaults (opt-in consent, night quiet hours, test mode on). */
export function defaultSettings(
  base: Pick<SettingsDocument, 'name' | 'timeZone' | 'country' | 'defaultLanguage'>,
): Omit<SettingsDocument, '_id' | 'clinicId' | 'createdAt' | 'updatedAt' | 'updatedBy'> {
  return {
    ...base,
    phone: null,
    website: null,
    communicationsEnabled: true,
    channels: { sms: true, email: true, voice: false, whatsapp: false },
    channelToggles: { services: {}, resources: {} },
    consent: { mode: 'opt-in', purposes: ['reminders', 'recall', 'surveys'] },
    quietHours: { windows: [{ start: '21:00', end: '08:00' }], noSendWeekdays: [7], holidays: [] },
    limits: { minimumLeadTimeHours: 12, onePerPersonPerDay: true },
    unreliable: { noShowRate: 0.3, minimumVisits: 3 },
    senders: {
      smsSenderName: null,
      emailFromName: null,
      emailFromAddress: null,
      voiceCallerNumber: null,
      smsReplyNumber: null,
    },
    providers: {
      sms: { kind: 'sandbox', options: {}, sealedCredentials: null, credentialKeys: [] },
      email: { kind: 'sandbox', options: {}, sealedCredentials: null, credentialKeys: [] },
      voice: { kind: 'sandbox', options: {}, sealedCredentials: null, credentialKeys: [] },
      whatsapp: { kind: 'sandbox', options: {}, sealedCredentials: null, credentialKeys: [] },
    },
    testMode: true,
    creditsScope: 'clinic',
    credits: { balance: 0, byResource: {}, topUps: [] },
    adminEmail: null,
    adminMobile: null,
    adminAlerts: DEFAULT_ADMIN_ALERTS,
    retention: DEFAULT_RETENTION,
    emailOpenTracking: DEFAULT_EMAIL_OPEN_TRACKING,
  };
}

/** The settings as answered: credentials masked, never decrypted towards a client. */
export function toSettingsView(settings: SettingsDocument) {
  const {
    _id,
    clinicId: _clinicId,
    providers,
    disabledAt: _disabledAt,
    sealedCallbackSecret: _sealedCallbackSecret,
    creditsLedger: _creditsLedger,
    ...rest
  } = settings;
  const maskedProviders = Object.fromEntries(
    Object.entries(providers).map(([channel, p]) => [
      channel,
      {
        kind: p.kind,
        options: p.options,
        credentials: Object.fromEntries(p.credentialKeys.map((k) => [k, MASK])),
        // stored before rates existed: the kind's default
        ratePerSecond: p.ratePerSecond ?? null,
      },
    ]),
  );
  // Settings stored before the admin's mobile and alerts existed read as their defaults.
  return {
    clinicId: _id,
    ...rest,
    adminMobile: rest.adminMobile ?? null,
    adminAlerts: rest.adminAlerts ?? DEFAULT_ADMIN_ALERTS,
    // Settings stored before retention existed keep messages for the default time.
    retention: rest.retention ?? DEFAULT_RETENTION,
    emailOpenTracking: rest.emailOpenTracking ?? DEFAULT_EMAIL_OPEN_TRACKING,
    providers: maskedProviders,
  };
}

@Injectable()
export class SettingsService {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly revisions: SettingsRevisionRepository,
    private readonly cipher: CredentialCipherRepository,
    private readonly connections: ProviderConnectionPort,
    private readonly clock: ClockRepository,
    private readonly config: ConfigService<Env, true>,
    private readonly audit: AuditService,
    private readonly credits: CreditsService,
  ) {}

  /** The clinic's settings; not found when the clinic has none. */
  async get(clinicId: string): Promise<SettingsDocument> {
    const settings = await this.settings.findForClinic(clinicId);
    if (!settings) throw AppError.notFound('This clinic has no settings');
    return settings;
  }

  /** The clinic's settings, or null when it has none (background work for a clinic deleted meanwhile). */
  find(clinicId: string): Promise<SettingsDocument | null> {
    return this.settings.findForClinic(clinicId);
  }

  /** True when no clinic exists at all (the demo seed and the first-run page run then). */
  isEmpty(): Promise<boolean> {
    return this.settings.isEmpty();
  }

  /** Whether the clinic is unknown or disabled by the platform operator (its users and keys are refused). */
  async isClosed(clinicId: string): Promise<boolean> {
    const settings = await this.settings.findForClinic(clinicId);
    return !settings || !!settings.disabledAt;
  }

  /** The names of these clinics (a login offering the clinics an e-mail has an account in). */
  async names(clinicIds: readonly string[]): Promise<Map<string, string>> {
    const found = await Promise.all(clinicIds.map((id) => this.settings.findForClinic(id)));
    return new Map(found.filter((s) => s !== null).map((s) => [s._id, s.name]));
  }

  /** Every clinic (the platform operator's list). */
  async clinics() {
    return (await this.settings.allClinics()).map((c) => ({
      id: c._id,
      name: c.name,
      timeZone: c.timeZone,
      createdAt: c.createdAt,
      disabledAt: c.disabledAt ?? null,
    }));
  }

  /** Disables a clinic (the platform operator); not found when there is no such clinic. */
  async disable(clinicId: string): Promise<void> {
    if (!(await this.settings.disable(clinicId, this.clock.now()))) {
      throw AppError.notFound(`No clinic ${clinicId}`);
    }
  }

  /** Stores the settings of a new clinic: careful defaults for what is not given (`defaultSettings`). */
  async create(clinicId: string, base: Parameters<typeof defaultSettings>[0]): Promise<void> {
    const now = this.clock.now();
    await this.settings.create({
      _id: clinicId,
      clinicId,
      ...defaultSettings(base),
      sealedCallbackSecret: this.cipher.encrypt({ callbackSecret: newCallbackSecret() }),
      createdAt: now,
      updatedAt: now,
      updatedBy: 'system',
    } as SettingsDocument);
  }

  /** A channel's provider as the clinic configured it, credentials decrypted (for building it, never answered). */
  providerConnection(settings: SettingsDocument, channel: Channel): ProviderConnectionSettings | null {
    const stored = settings.providers[channel];
    if (!stored) return null;
    return {
      kind: stored.kind,
      options: stored.options,
      credentials: stored.sealedCredentials ? this.cipher.decrypt(stored.sealedCredentials) : {},
      hostPolicy: this.hostPolicy(),
      ratePerSecond: sendingRateOf(stored),
    };
  }

  /** The local hosts providers may reach (CLINICFLOW_ALLOWED_PROVIDER_HOSTS); every other must be public. */
  hostPolicy(): ProviderHostPolicy {
    return {
      allowed: parseAllowedHosts(this.config.get('CLINICFLOW_ALLOWED_PROVIDER_HOSTS', { infer: true })),
    };
  }

  async view(clinicId: string) {
    const settings = await this.get(clinicId);
    return { ...toSettingsView(settings), replyRoutes: this.replyRoutes(settings) };
  }

  /** How patients can answer a question as the clinic is set up (F4): checked at publish, shown to the editor. */
  replyRoutes(settings: SettingsDocument): ReplyRoutes {
    return replyRoutesOf(settings, this.config.get('PUBLIC_URL', { infer: true }));
  }

  /**
   * Replaces the sections given. Each section named in `previous` must still hold those values (409 naming it
   * otherwise); PUTs race through a claim on the next revision, and a loser re-reads and checks again, so two
   * managers saving different sections both win and two saving the same section cannot both win.
   */
  async update(principal: Principal, update: SettingsUpdate) {
    const { providers, previous, ...given } = update;
    const by = principal.email ?? 'system';
    // A provider may not be pointed at the server's own network (SSRF): 400 naming the field.
    await assertProviderHostsAllowed(providers, this.hostPolicy());
    for (let attempt = 1; ; attempt++) {
      const current = await this.get(principal.clinicId);
      this.assertUnchanged(current, previous);
      const sections = withAdminMobile(given, given.country ?? current.country);
      const revision = (current.revision ?? 0) + 1;
      const now = this.clock.now();
      if (!(await this.claimRevision(principal.clinicId, revision, now, by))) {
        // The winner's write is on its way: the next read sees it (and its sections, checked again).
        if (attempt < 8) {
          await setTimeout(20 * attempt);
          continue;
        }
        throw AppError.conflict('Someone else is saving the settings at this moment; try again', [
          { path: 'body', message: 'the settings kept changing while this change was saved' },
        ]);
      }
      const storedProviders = { ...current.providers };
      for (const channel of CHANNELS) {
        const input = providers?.[channel];
        if (input) storedProviders[channel] = this.storeProvider(channel, input, current.providers[channel]);
      }
      const updated = await this.settings.replaceSections(principal.clinicId, {
        ...sections,
        providers: storedProviders,
        revision,
        updatedAt: now,
        updatedBy: by,
      });
      await this.audit.record(principal, {
        action: 'settings.changed',
        details: {
          revision,
          sections: Object.keys(given).filter((key) => (given as Record<string, unknown>)[key] !== undefined),
          // which channels' providers changed, and to what kind: never their credentials
          providers: CHANNELS.filter((c) => providers?.[c]).map((c) => `${c}:${providers![c]!.kind}`),
        },
      });
      return { ...toSettingsView(updated), replyRoutes: this.replyRoutes(updated) };
    }
  }

  /** 409 naming every section of `previous` that someone changed since. */
  private assertUnchanged(current: SettingsDocument, previous: SettingsUpdate['previous']) {
    const changed = COMPARABLE_SECTIONS.filter(
      (key) => previous && key in previous && !isDeepStrictEqual(previous[key], current[key]),
    );
    if (changed.length === 0) return;
    throw AppError.conflict(
      `These settings were changed by ${current.updatedBy} at ${current.updatedAt.toISOString()} since you opened them; reload them before saving`,
      changed.map((key) => ({ path: `body.${key}`, message: `changed by ${current.updatedBy}` })),
    );
  }

  /**
   * Claims revision N for this PUT; false when another PUT claimed it first. A claim whose PUT never wrote
   * (the process died in between) would block every later save: after a minute the settings adopt its number.
   */
  private async claimRevision(clinicId: string, revision: number, now: Date, by: string): Promise<boolean> {
    if (await this.revisions.claim(clinicId, revision, now, by)) return true;
    const claim = await this.revisions.find(clinicId, revision);
    if (claim && now.getTime() - claim.savedAt.getTime() > ORPHANED_CLAIM_MS) {
      await this.settings.adoptRevision(clinicId, revision);
    }
    return false;
  }

  async topUp(principal: Principal, topUp: TopUp) {
    const settings = await this.get(principal.clinicId);
    if (topUp.resourceId && settings.creditsScope !== 'practitioner') {
      throw AppError.invalid(
        [{ path: 'body.resourceId', message: 'only when creditsScope is practitioner' }],
        'Credits are kept per clinic',
      );
    }
    const entry = {
      at: this.clock.now(),
      credits: topUp.credits,
      resourceId: topUp.resourceId ?? null,
      note: topUp.note ?? null,
      by: principal.email ?? 'system',
    };
    const balance = { resourceId: topUp.resourceId ?? null };
    // Without a request id, each request is a top-up of its own; with one, a retried request counts once.
    const requestId = topUp.requestId ?? randomUUID();
    if (await this.credits.topUp(settings, balance, entry, requestId)) {
      await this.audit.record(principal, {
        action: 'credits.topped-up',
        details: { credits: topUp.credits, resourceId: topUp.resourceId ?? null },
      });
    }
    return (await this.get(principal.clinicId)).credits;
  }

  async testConnection(clinicId: string, channel: Channel) {
    const provider = this.providerConnection(await this.get(clinicId), channel);
    if (!provider) throw AppError.notFound(`No ${channel} provider is configured`);
    return this.connections.test(channel, provider);
  }

  private storeProvider(
    channel: Channel,
    input: ProviderInput,
    current: StoredProvider | undefined,
  ): StoredProvider {
    if (!input.credentials) {
      const keep = current?.kind === input.kind ? current : undefined;
      return {
        kind: input.kind,
        options: input.options,
        sealedCredentials: keep?.sealedCredentials ?? null,
        credentialKeys: keep?.credentialKeys ?? [],
        ratePerSecond: input.ratePerSecond ?? null,
      };
    }
    // A masked value sent back unchanged keeps the stored secret of that key.
    const previous = this.storedCredentials(channel, input, current);
    const credentials = Object.fromEntries(
      Object.entries(input.credentials).map(([k, v]) => [k, v === MASK ? (previous[k] ?? '') : v]),
    );
    return {
      kind: input.kind,
      options: input.options,
      sealedCredentials: this.cipher.encrypt(credentials),
      credentialKeys: Object.keys(credentials),
      ratePerSecond: input.ratePerSecond ?? null,
    };
  }

  /** The stored secrets a masked value keeps; 400 naming those keys when no configured secret opens them. */
  private storedCredentials(
    channel: Channel,
    input: ProviderInput,
    current: StoredProvider | undefined,
  ): Record<string, string> {
    if (!current?.sealedCredentials) return {};
    try {
      return this.cipher.decrypt(current.sealedCredentials);
    } catch (error) {
      if (!(error instanceof CredentialsUnreadableError)) throw error;
      const kept = Object.entries(input.credentials ?? {}).filter(([, v]) => v === MASK);
      if (kept.length === 0) return {};
      throw AppError.invalid(
        kept.map(([key]) => ({
          path: `body.providers.${channel}.credentials.${key}`,
          message: 'the stored secret can no longer be read (APP_SECRET changed): type it again',
        })),
      );
    }
  }
}
