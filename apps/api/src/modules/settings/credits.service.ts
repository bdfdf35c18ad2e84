import { Injectable } from '@nestjs/common';
import { ClockRepository } from '../../common/clock.repository';
import { KeyedSerialiser } from '../../common/concurrently';
import {
  accountOf,
  CreditLedgerRepository,
  entryId,
  type CreditEntry,
  type CreditEntryKind,
} from './credit-ledger.repository';
import {
  SettingsRepository,
  type CreditsBalance,
  type CreditTopUp,
  type SettingsDocument,
} from './settings.repository';

/** The attempt an SMS's credits are taken for: its debit (and refund) is recorded once per attempt. */
export interface CreditedSend {
  deliveryId: string;
  attempt: number;
}

/** Whether the credits for one SMS were taken, and from which balance (to give them back on a refusal). */
export type CreditDebit =
  | {
      ok: true;
      balance: CreditsBalance;
      credits: number;
      /** What the balance holds after it. */
      left: number;
      send: CreditedSend;
    }
  | { ok: false };

/** One balance as the check found it: the sum of its ledger, its last entry's balance, and the cache. */
export interface CreditsCheck {
  resourceId: string | null;
  sum: number;
  balance: number;
  cached: number;
}

/** Where a chain ends: the last position and the balance there. */
type ChainEnd = Pick<CreditEntry, 'seq' | 'balance'>;

/** Appends racing on one chain give up after this many lost positions (never reached in practice). */
const MAX_LOST_POSITIONS = 1000;

/**
 * SMS credits (S7): one per segment, from the clinic's balance (or the practitioner's when credits are kept
 * per practitioner), kept as an append-only ledger (docs/engine.md "Credits"). Each balance is a chain of
 * entries at positions `<account>#<seq>`: an entry's balance is its predecessor's plus its credits, and the
 * insert at a position decides between two processes, so a debit that would go below zero is never written
 * (no overdraw) and none is lost (the loser appends after the winner). The settings' balances are a cache.
 */
@Injectable()
export class CreditsService {
  // Sends of one clinic in this process take turns (fewer lost positions); processes are decided by inserts.
  private readonly serial = new KeyedSerialiser();

  constructor(
    private readonly settings: SettingsRepository,
    private readonly ledger: CreditLedgerRepository,
    private readonly clock: ClockRepository,
  ) {}

  /** Takes `credits` for an SMS to a practitioner's patient (`resourceId`); refuses when the balance is short. */
  debit(
    clinicId: string,
    resourceId: string | null,
    credits: number,
    send: CreditedSend,
  ): Promise<CreditDebit> {
    return this.serial.run(clinicId, async () => {
      const settings = await this.settings.findForClinic(clinicId);
      if (!settings) return { ok: false };
      const balance = {
        resourceId: settings.creditsScope === 'practitioner' && resourceId ? resourceId : null,
      };
      const ref = `debit:${send.deliveryId}:${send.attempt}`;
      const taken = await this.append(settings, balance, { ref, kind: 'debit', credits: -credits });
      if (!taken) return { ok: false };
      return { ok: true, balance, credits, left: taken.entry.balance, send };
    });
  }

  /** Gives back credits taken for an SMS the provider refused (once per attempt). */
  refund(clinicId: string, debit: CreditDebit): Promise<void> {
    if (!debit.ok) return Promise.resolve();
    return this.serial.run(clinicId, async () => {
      const settings = await this.settings.findForClinic(clinicId);
      if (!settings) return;
      const ref = `refund:${debit.send.deliveryId}:${debit.send.attempt}`;
      await this.append(settings, debit.balance, { ref, kind: 'refund', credits: debit.credits });
    });
  }

  /** Adds a top-up once per `requestId` (a retried request is not counted again); true when counted now. */
  topUp(
    settings: SettingsDocument,
    balance: CreditsBalance,
    topUp: CreditTopUp,
    requestId: string,
  ): Promise<boolean> {
    const clinicId = settings._id;
    return this.serial.run(clinicId, async () => {
      const ref = `top-up:${clinicId}:${requestId}`;
      const added = await this.append(settings, balance, { ref, kind: 'top-up', credits: topUp.credits });
      if (!added?.inserted) return false;
      await this.settings.listTopUp(clinicId, topUp);
      // Listing it rewrote the settings: make sure it did not take the cached balance back.
      await this.cache(clinicId, balance, added.entry.account, added.entry);
      return true;
    });
  }

  /**
   * The check: sums each balance's ledger and compares it with its last entry and the cached balance; a
   * cache left behind (a crash between an entry and its caching) is written again from the ledger.
   */
  async check(clinicId: string): Promise<CreditsCheck[]> {
    const settings = await this.settings.findForClinic(clinicId);
    if (!settings) return [];
    const checks: CreditsCheck[] = [];
    for (const chain of await this.ledger.sums(clinicId)) {
      const cached = chain.resourceId
        ? (settings.credits.byResource[chain.resourceId] ?? 0)
        : settings.credits.balance;
      if (cached !== chain.balance) {
        await this.cache(clinicId, { resourceId: chain.resourceId }, chain.account, chain);
      }
      checks.push({ resourceId: chain.resourceId, sum: chain.sum, balance: chain.balance, cached });
    }
    return checks;
  }

  /**
   * Appends an entry at the end of the balance's chain: null when a debit would take it below zero; the
   * entry recorded under the same `ref` earlier when there is one (`inserted` false).
   */
  private async append(
    settings: SettingsDocument,
    balance: CreditsBalance,
    entry: { ref: string; kind: CreditEntryKind; credits: number },
  ): Promise<{ entry: CreditEntry; inserted: boolean } | null> {
    const clinicId = settings._id;
    const account = accountOf({ clinicId, resourceId: balance.resourceId });
    let tail = await this.tail(settings, balance, account);
    for (let lost = 0; lost < MAX_LOST_POSITIONS; lost++) {
      const next = tail.balance + entry.credits;
      if (entry.credits < 0 && next < 0) {
        const earlier = await this.ledger.byRef(clinicId, entry.ref);
        return earlier ? { entry: earlier, inserted: false } : null;
      }
      const seq = tail.seq + 1;
      const candidate: CreditEntry = {
        _id: entryId(account, seq),
        clinicId,
        account,
        resourceId: balance.resourceId,
        seq,
        ...entry,
        balance: next,
        at: this.clock.now(),
      };
      if (await this.ledger.append(candidate)) {
        await this.cache(clinicId, balance, account, candidate);
        return { entry: candidate, inserted: true };
      }
      // Lost: either the position (another process appended first: go on after it) or the ref (counted before).
      const taken = await this.ledger.at(clinicId, account, seq);
      if (taken?.ref === entry.ref) return { entry: taken, inserted: false };
      if (!taken) {
        const earlier = await this.ledger.byRef(clinicId, entry.ref);
        if (earlier) return { entry: earlier, inserted: false };
        continue;
      }
      tail = await this.walk(clinicId, account, taken);
    }
    throw new Error(`The credits of clinic ${clinicId} could not be appended to`);
  }

  /** The chain's last entry, from the position the cache is at; its opening entry written first if none. */
  private async tail(settings: SettingsDocument, balance: CreditsBalance, account: string) {
    const clinicId = settings._id;
    const head = balance.resourceId
      ? settings.creditsLedger?.byResource?.[balance.resourceId]
      : settings.creditsLedger?.clinic;
    const stored = balance.resourceId
      ? (settings.credits.byResource[balance.resourceId] ?? 0)
      : settings.credits.balance;
    // The cache holds the balance at position `head` (both written in one update): go on from there.
    if (head !== undefined) return this.walk(clinicId, account, { seq: head, balance: stored });
    // The balance stored before the ledger existed becomes its first entry, once (a deterministic id: two
    // processes opening it at once write one). The settings' value changes only after that entry exists.
    await this.ledger.append({
      _id: entryId(account, 0),
      clinicId,
      account,
      resourceId: balance.resourceId,
      seq: 0,
      ref: `opening:${account}`,
      kind: 'opening',
      credits: stored,
      balance: stored,
      at: this.clock.now(),
    });
    return this.walk(clinicId, account, (await this.ledger.at(clinicId, account, 0))!);
  }

  /**
   * Caches the balance at `end`, then looks past it: a later entry whose caching this write may have undone,
   * or a stale write of the settings that took the cache back (updates are not atomic on FerretDB), is
   * cached again, so the last writer always leaves the chain's end.
   */
  private async cache(clinicId: string, balance: CreditsBalance, account: string, end: ChainEnd) {
    for (let cached = end; ;) {
      await this.settings.cacheCredits(clinicId, balance, cached.seq, cached.balance);
      const later = await this.walk(clinicId, account, cached);
      if (later.seq !== cached.seq) {
        cached = later;
        continue;
      }
      const settings = await this.settings.findForClinic(clinicId);
      const head = balance.resourceId
        ? settings?.creditsLedger?.byResource?.[balance.resourceId]
        : settings?.creditsLedger?.clinic;
      if (!settings || (head !== undefined && head >= cached.seq)) return;
    }
  }

  /** Follows the chain from an entry to its last one (reads by `_id`). */
  private async walk(clinicId: string, account: string, from: ChainEnd): Promise<ChainEnd> {
    let tail = from;
    for (;;) {
      const next = await this.ledger.at(clinicId, account, tail.seq + 1);
      if (!next) return tail;
      tail = next;
    }
  }
}
