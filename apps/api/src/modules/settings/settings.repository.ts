import { Db, type Filter } from 'mongodb';
import { Injectable } from '@nestjs/common';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import type { Channel, SettingsUpdate } from './settings.dto';

export interface StoredProvider {
  kind: string;
  options: Record<string, string | number | boolean>;
  /** AES-256-GCM sealed JSON of the credentials (CredentialCipherRepository), or null when none. */
  sealedCredentials: string | null;
  credentialKeys: string[];
  /** Messages per second the clinic set (docs/engine.md, "Provider rates"); null or absent: the kind's default. */
  ratePerSecond?: number | null;
}

export interface CreditTopUp {
  at: Date;
  credits: number;
  resourceId: string | null;
  note: string | null;
  by: string;
}

/** One document per clinic, `_id` = the clinic's id: the clinic itself and everything it configures. */
export interface SettingsDocument
  extends ClinicDocument, Required<Omit<SettingsUpdate, 'providers' | 'previous'>> {
  providers: Partial<Record<Channel, StoredProvider>>;
  /** The cached balances: the sum of the credits ledger (`credit_entries`), written after each entry. */
  credits: { balance: number; byResource: Record<string, number>; topUps: CreditTopUp[] };
  /** The ledger position each cached balance is at (absent before the ledger). */
  creditsLedger?: { clinic?: number; byResource?: Record<string, number> };
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
  /** Bumped by every PUT; absent on settings no PUT has changed yet (read as 0). */
  revision?: number;
  /** When the platform operator disabled the clinic: its users and keys are refused, nothing is sent. */
  disabledAt?: Date | null;
  /**
   * The secret the clinic's sandbox callbacks are signed with (HMAC-SHA256 of the body), sealed like provider
   * credentials (`{ callbackSecret }`); absent on clinics created before it existed until a manager asks for it.
   */
  sealedCallbackSecret?: string | null;
}

/** A clinic as the platform operator lists it. */
export type ClinicSummary = Pick<SettingsDocument, '_id' | 'name' | 'timeZone' | 'createdAt' | 'disabledAt'>;

/** Who made settings revision N of a clinic: `_id` `<clinic>#r<N>`, so two PUTs from revision N-1 cannot both win. */
export interface SettingsRevisionClaim extends ClinicDocument {
  revision: number;
  savedAt: Date;
  savedBy: string;
}

/** The claims on settings revisions (`settings_revisions`). */
@Injectable()
export class SettingsRevisionRepository extends ClinicScopedRepository<SettingsRevisionClaim> {
  constructor(db: Db) {
    super(db, 'settings_revisions');
  }

  /** Claims revision N for a save: false when another save claimed it first. */
  claim(clinicId: string, revision: number, savedAt: Date, savedBy: string): Promise<boolean> {
    return this.insertOnce(clinicId, { _id: revisionId(clinicId, revision), revision, savedAt, savedBy });
  }

  find(clinicId: string, revision: number): Promise<SettingsRevisionClaim | null> {
    return this.findById(clinicId, revisionId(clinicId, revision));
  }
}

function revisionId(clinicId: string, revision: number): string {
  return `${clinicId}#r${revision}`;
}

/** Whose credits an SMS takes: the clinic's balance, or a practitioner's when credits are kept per practitioner. */
export type CreditsBalance = { resourceId: string | null };

/** Settings stored before WhatsApp existed have it off (their `channels` has no `whatsapp`). */
function asRead(settings: SettingsDocument | null): SettingsDocument | null {
  if (!settings || settings.channels.whatsapp !== undefined) return settings;
  return { ...settings, channels: { ...settings.channels, whatsapp: false } };
}

/** The clinics' settings (`clinic_settings`), one document per clinic, `_id` = the clinic's id. */
@Injectable()
export class SettingsRepository extends ClinicScopedRepository<SettingsDocument> {
  constructor(db: Db) {
    super(db, 'clinic_settings');
  }

  async findForClinic(clinicId: string): Promise<SettingsDocument | null> {
    return asRead(await this.findById(clinicId, clinicId));
  }

  /** True when no clinic exists at all (the demo seed runs then). */
  async isEmpty(): Promise<boolean> {
    return (await this.collection.estimatedDocumentCount()) === 0;
  }

  async create(settings: SettingsDocument): Promise<void> {
    await this.insert(settings.clinicId, settings);
  }

  /** Every clinic, oldest first: the platform operator's one look across clinics. */
  allClinics(): Promise<ClinicSummary[]> {
    return this.collection
      .find({}, { projection: { name: 1, timeZone: 1, createdAt: 1, disabledAt: 1 } })
      .sort({ createdAt: 1, _id: 1 })
      .toArray() as Promise<ClinicSummary[]>;
  }

  /** Disables the clinic: refused to its users and keys, and its master switch off so that nothing is sent. */
  disable(clinicId: string, at: Date): Promise<SettingsDocument | null> {
    return this.updateById(clinicId, clinicId, { $set: { disabledAt: at, communicationsEnabled: false } });
  }

  /** Replaces whole sections (and the revision that says so); answers the settings as they are now. */
  async replaceSections(clinicId: string, sections: Partial<SettingsDocument>): Promise<SettingsDocument> {
    return asRead(await this.updateById(clinicId, clinicId, { $set: sections }))!;
  }

  /** Every clinic's sealed provider credentials, channel by channel (to seal them again under a new secret). */
  async sealedCredentials(): Promise<{ clinicId: string; channel: Channel; sealed: string }[]> {
    const clinics = await this.collection.find({}, { projection: { providers: 1 } }).toArray();
    return clinics.flatMap((clinic) =>
      Object.entries(clinic.providers ?? {}).flatMap(([channel, provider]) =>
        provider?.sealedCredentials
          ? [{ clinicId: clinic._id, channel: channel as Channel, sealed: provider.sealedCredentials }]
          : [],
      ),
    );
  }

  /**
   * Replaces a channel's sealed credentials by the same credentials sealed again, only if they are still the
   * ones read (a save meanwhile wins); true when replaced.
   */
  async resealCredentials(clinicId: string, channel: Channel, from: string, to: string): Promise<boolean> {
    const field = `providers.${channel}.sealedCredentials`;
    const result = await this.collection.updateOne(
      { _id: clinicId, [field]: from } as Filter<SettingsDocument>,
      { $set: { [field]: to } },
    );
    return result.modifiedCount === 1;
  }

  /**
   * Stores the sealed callback secret: always (`replace`), or only where the clinic has none yet or still has
   * `expected` (so two first reads, or a re-seal racing a regeneration, keep one secret). True when written.
   */
  async setCallbackSecret(
    clinicId: string,
    sealed: string,
    expected: { replace: true } | { current: string | null },
  ): Promise<boolean> {
    const current = 'current' in expected ? { sealedCallbackSecret: { $in: [expected.current] } } : {};
    const filter = this.scope(clinicId, { _id: clinicId, ...current } as Filter<SettingsDocument>);
    const result = await this.collection.updateOne(filter, { $set: { sealedCallbackSecret: sealed } });
    return result.modifiedCount === 1;
  }

  /** Takes a revision number whose save never wrote (its process died) as reached. */
  async adoptRevision(clinicId: string, revision: number): Promise<void> {
    await this.updateById(clinicId, clinicId, { $max: { revision } });
  }

  /** Caches a balance as the ledger has it at position `seq` (the balance and its position in one write). */
  async cacheCredits(clinicId: string, balance: CreditsBalance, seq: number, credits: number): Promise<void> {
    const [field, position] = balance.resourceId
      ? [`credits.byResource.${balance.resourceId}`, `creditsLedger.byResource.${balance.resourceId}`]
      : ['credits.balance', 'creditsLedger.clinic'];
    await this.collection.updateOne(this.byId(clinicId), {
      $set: { [field]: credits, [position]: seq },
    } as never);
  }

  /** Lists a top-up the ledger recorded (the credits-exhausted notice counts them). */
  async listTopUp(clinicId: string, topUp: CreditTopUp): Promise<void> {
    await this.collection.updateOne(this.byId(clinicId), { $push: { 'credits.topUps': topUp } } as never);
  }

  /** Replaces the list of top-ups by the ledger's (the check, after a crash between an entry and its listing). */
  async replaceTopUps(clinicId: string, topUps: CreditTopUp[]): Promise<void> {
    await this.collection.updateOne(this.byId(clinicId), { $set: { 'credits.topUps': topUps } } as never);
  }
}
