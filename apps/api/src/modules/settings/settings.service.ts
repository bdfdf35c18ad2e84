import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { ClockRepository } from '../../common/clock.repository';
import type { Principal } from '../auth/principal';
import { CredentialCipherRepository } from './credential-cipher.repository';
import { ProviderConnectionPort } from './provider-connection.port';
import { Channel, CHANNELS, ProviderInput, SettingsUpdate, TopUp } from './settings.dto';
import { SettingsDocument, SettingsRepository, StoredProvider } from './settings.repository';

const MASK = '********';

/** Settings of a new clinic: careful defaults (opt-in consent, night quiet hours, test mode on). */
export function defaultSettings(
  base: Pick<SettingsDocument, 'name' | 'timeZone' | 'country' | 'defaultLanguage'>,
): Omit<SettingsDocument, '_id' | 'clinicId' | 'createdAt' | 'updatedAt' | 'updatedBy'> {
  return {
    ...base,
    phone: null,
    website: null,
    communicationsEnabled: true,
    channels: { sms: true, email: true, voice: false },
    channelToggles: { services: {}, resources: {} },
    consent: { mode: 'opt-in', purposes: ['reminders', 'recall', 'surveys'] },
    quietHours: { windows: [{ start: '21:00', end: '08:00' }], noSendWeekdays: [7], holidays: [] },
    limits: { minimumLeadTimeHours: 12, onePerPersonPerDay: true },
    unreliable: { noShowRate: 0.3, minimumVisits: 3 },
    senders: { smsSenderName: null, emailFromName: null, emailFromAddress: null, voiceCallerNumber: null },
    providers: {
      sms: { kind: 'sandbox', options: {}, sealedCredentials: null, credentialKeys: [] },
      email: { kind: 'sandbox', options: {}, sealedCredentials: null, credentialKeys: [] },
      voice: { kind: 'sandbox', options: {}, sealedCredentials: null, credentialKeys: [] },
    },
    testMode: true,
    creditsScope: 'clinic',
    credits: { balance: 0, byResource: {}, topUps: [] },
    adminEmail: null,
  };
}

/** The settings as answered: credentials masked, never decrypted towards a client. */
export function toSettingsView(settings: SettingsDocument) {
  const { _id, clinicId: _clinicId, providers, ...rest } = settings;
  const maskedProviders = Object.fromEntries(
    Object.entries(providers).map(([channel, p]) => [
      channel,
      {
        kind: p.kind,
        options: p.options,
        credentials: Object.fromEntries(p.credentialKeys.map((k) => [k, MASK])),
      },
    ]),
  );
  return { clinicId: _id, ...rest, providers: maskedProviders };
}

@Injectable()
export class SettingsService {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly cipher: CredentialCipherRepository,
    private readonly connections: ProviderConnectionPort,
    private readonly clock: ClockRepository,
  ) {}

  async get(clinicId: string): Promise<SettingsDocument> {
    const settings = await this.settings.findForClinic(clinicId);
    if (!settings) throw new NotFoundException('This clinic has no settings');
    return settings;
  }

  async view(clinicId: string) {
    return toSettingsView(await this.get(clinicId));
  }

  async update(principal: Principal, update: SettingsUpdate) {
    const current = await this.get(principal.clinicId);
    const { providers, ...sections } = update;
    const storedProviders = { ...current.providers };
    for (const channel of CHANNELS) {
      const input = providers?.[channel];
      if (input) storedProviders[channel] = this.storeProvider(input, current.providers[channel]);
    }
    const updated = await this.settings.updateById(principal.clinicId, principal.clinicId, {
      $set: {
        ...sections,
        providers: storedProviders,
        updatedAt: this.clock.now(),
        updatedBy: principal.email ?? 'system',
      },
    });
    return toSettingsView(updated!);
  }

  async topUp(principal: Principal, topUp: TopUp) {
    const settings = await this.get(principal.clinicId);
    if (topUp.resourceId && settings.creditsScope !== 'practitioner') {
      throw new BadRequestException({
        message: 'Credits are kept per clinic',
        errors: [{ path: 'body.resourceId', message: 'only when creditsScope is practitioner' }],
      });
    }
    const entry = {
      at: this.clock.now(),
      credits: topUp.credits,
      resourceId: topUp.resourceId ?? null,
      note: topUp.note ?? null,
      by: principal.email ?? 'system',
    };
    const balanceField = topUp.resourceId ? `credits.byResource.${topUp.resourceId}` : 'credits.balance';
    const updated = await this.settings.updateById(principal.clinicId, principal.clinicId, {
      $inc: { [balanceField]: topUp.credits },
      $push: { 'credits.topUps': entry },
    });
    return updated!.credits;
  }

  async testConnection(clinicId: string, channel: Channel) {
    const provider = (await this.get(clinicId)).providers[channel];
    if (!provider) throw new NotFoundException(`No ${channel} provider is configured`);
    return this.connections.test(channel, {
      kind: provider.kind,
      options: provider.options,
      credentials: provider.sealedCredentials ? this.cipher.decrypt(provider.sealedCredentials) : {},
    });
  }

  private storeProvider(input: ProviderInput, current: StoredProvider | undefined): StoredProvider {
    if (!input.credentials) {
      const keep = current?.kind === input.kind ? current : undefined;
      return {
        kind: input.kind,
        options: input.options,
        sealedCredentials: keep?.sealedCredentials ?? null,
        credentialKeys: keep?.credentialKeys ?? [],
      };
    }
    // A masked value sent back unchanged keeps the stored secret of that key.
    const previous = current?.sealedCredentials ? this.cipher.decrypt(current.sealedCredentials) : {};
    const credentials = Object.fromEntries(
      Object.entries(input.credentials).map(([k, v]) => [k, v === MASK ? (previous[k] ?? '') : v]),
    );
    return {
      kind: input.kind,
      options: input.options,
      sealedCredentials: this.cipher.encrypt(credentials),
      credentialKeys: Object.keys(credentials),
    };
  }
}
