import { Injectable } from '@nestjs/common';
import { ClockRepository } from '../../common/clock.repository';
import { KeyedBatcher, KeyedSerialiser } from '../../common/concurrently';
import {
  accountOf,
  CreditLedgerRepository,
  debitRef,
  debitsIn,
  entryId,
  type CreditDebitItem,
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

/** One SMS's debit as asked, waiting for its group. */
interface DebitAsked {
  /** The clinic's settings as the sender read them, when it did (spares the group a read). */
  settings: SettingsDocument | null;
  resourceId: string | null;
  credits: number;
  send: CreditedSend;
}

/** An SMS attempt in a group being appended. */
type DebitItem = CreditDebitItem & { ref: string };

/** Appends racing on one chain give up after this many lost positions (never reached in practice). */
const MAX_LOST_POSITIONS = 1000;

/** The most SMS one debit entry groups (about 50 kB). */
const MAX_DEBITS_PER_ENTRY = 500;

/** Times a top-up is listed again when another process's write took its listing back. */
const MAX_LISTING_ROUNDS = 5;

/** The same top-up as listed in the settings (its time, amount, balance and author). */
function sameTopUp(a: CreditTopUp, b: CreditTopUp): boolean {
  return (
    new Date(a.at).getTime() === new Date(b.at).getTime() &&
    a.credits === b.credits &&
    a.resourceId === b.resourceId &&
    a.by === b.by
  );
}

/**
 * SMS credits (S7): one per segment, from the clinic's balance (or the practitioner's when credits are kept
 * per practitioner), kept as an append-only ledger (docs/engine.md "Credits"). Each balance is a chain of
 * entries at positions `<account>#<seq>`: an entry's balance is its predecessor's plus its credits, and the
 * insert at a position decides between two processes, so a debit that would go below zero is never written
 * (no overdraw) and none is lost (the loser appends after the winner). The settings' balances are a cache.
 * The debits a burst of sends asks for at once are appended together, as one entry per balance.
 */
@Injectable()
export class CreditsService {
  // Sends of one clinic in this process take turns (fewer lost positions); processes are decided by inserts.
  private readonly serial = new KeyedSerialiser();
  // What credits write in the clinic's settings document (cached balances, listed top-ups), one write at a
  // time in this process (see `cache`).
  private readonly settingsWrites = new KeyedSerialiser();
  // The debits asked while the clinic's previous group is being appended form the next group.
  private readonly debits = new KeyedBatcher<DebitAsked, CreditDebit>(
    this.serial,
    MAX_DEBITS_PER_ENTRY,
    (clinicId, asked) => this.debitGroup(clinicId, asked),
  );

  constructor(
    private readonly settings: SettingsRepository,
    private readonly ledger: CreditLedgerRepository,
    private readonly clock: ClockRepository,
  ) {}

  /**
   * Takes `credits` for an SMS to a practitioner's patient (`resourceId`); refuses when the balance is short.
   * `settings`, the clinic's as the sender read them, spare a read: the ledger, not they, decides the balance.
   */
  debit(
    clinicId: string,
    resourceId: string | null,
    credits: number,
    send: CreditedSend,
    settings: SettingsDocument | null = null,
  ): Promise<CreditDebit> {
    return this.debits.ask(clinicId, { settings, resourceId, credits, send });
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
      // Listing it and caching a balance are updates of one settings document, which FerretDB replaces whole
      // (docs/engine.md "Credits"): each may take the other back when two processes write at once. So the top-up
      // is listed, the balance cached, and both read back until the listing is there.
      for (let round = 0; round < MAX_LISTING_ROUNDS; round++) {
        await this.settingsWrites.run(clinicId, () => this.settings.listTopUp(clinicId, topUp));
        await this.cache(clinicId, balance, added.entry.account, added.entry);
        const listed = (await this.settings.findForClinic(clinicId))?.credits.topUps ?? [];
        if (listed.some((other) => sameTopUp(other, topUp))) break;
      }
      return true;
    });
  }

  /** Takes the credits of the SMS asked together: one entry per balance they draw on. */
  private async debitGroup(clinicId: string, asked: DebitAsked[]): Promise<CreditDebit[]> {
    // The latest settings a sender read: the group appends after the ledger position they cache.
    const known = asked.reduce<SettingsDocument | null>((latest, debit) => debit.settings ?? latest, null);
    const settings = known ?? (await this.settings.findForClinic(clinicId));
    if (!settings) return asked.map(() => ({ ok: false }));
    const byBalance = new Map<string | null, DebitAsked[]>();
    for (const debit of asked) {
      const resourceId = (settings.creditsScope === 'practitioner' && debit.resourceId) || null;
      byBalance.set(resourceId, [...(byBalance.get(resourceId) ?? []), debit]);
    }
    const answers = new Map<DebitAsked, CreditDebit>();
    await Promise.all(
      [...byBalance].map(async ([resourceId, debits]) => {
        const taken = await this.appendDebits(settings, { resourceId }, debits);
        for (const debit of debits) answers.set(debit, taken.get(debitRef(debit.send)) ?? { ok: false });
      }),
    );
    return asked.map((debit) => answers.get(debit)!);
  }

  /**
   * Appends one debit entry for the SMS asked, granted in the order asked while the balance covers them (as
   * single debits would be); the others are refused. Losing the position to another process, it reads the
   * winner's entry and grants again from the new balance. Losing on its `ref`, the group's first SMS was
   * debited before: the SMS found debited are answered from their entry, not counted again. Answers by ref
   * the SMS granted (or found).
   */
  private async appendDebits(
    settings: SettingsDocument,
    balance: CreditsBalance,
    asked: DebitAsked[],
  ): Promise<Map<string, CreditDebit>> {
    const clinicId = settings._id;
    const account = accountOf({ clinicId, resourceId: balance.resourceId });
    // By ref, in the order asked: the same attempt asked twice is one SMS.
    const open = new Map<string, DebitItem>();
    for (const { send, credits } of asked) {
      const ref = debitRef(send);
      if (!open.has(ref)) open.set(ref, { deliveryId: send.deliveryId, attempt: send.attempt, credits, ref });
    }
    const answers = new Map<string, CreditDebit>();
    const answerFrom = (entries: CreditEntry[]) => {
      for (const taken of entries.filter((e) => e.kind === 'debit').flatMap(debitsIn)) {
        const item = open.get(taken.ref);
        if (!item) continue;
        const send = { deliveryId: item.deliveryId, attempt: item.attempt };
        answers.set(item.ref, { ok: true, balance, credits: taken.credits, left: taken.left, send });
        open.delete(item.ref);
      }
    };
    let tail = await this.tail(settings, balance, account);
    for (let lost = 0; ; lost++) {
      if (lost >= MAX_LOST_POSITIONS) {
        throw new Error(`The credits of clinic ${clinicId} could not be debited`);
      }
      const granted = grant(tail.balance, [...open.values()]);
      if (granted.length === 0) break;
      const taken = granted.reduce((sum, item) => sum + item.credits, 0);
      const seq = tail.seq + 1;
      const candidate = this.entryAt(clinicId, balance, account, seq, {
        ref: granted[0].ref,
        refs: granted.map((item) => item.ref),
        kind: 'debit',
        credits: -taken,
        balance: tail.balance - taken,
        items: granted.map(({ deliveryId, attempt, credits }) => ({ deliveryId, attempt, credits })),
      });
      if (await this.ledger.append(candidate)) {
        await this.cache(clinicId, balance, account, candidate);
        answerFrom([candidate]);
        break;
      }
      // Lost: the position (another process appended first: grant again after it), or the first SMS's ref,
      // debited before. The SMS found debited already are answered from their entry, not counted again.
      const winner = await this.ledger.at(clinicId, account, seq);
      answerFrom(winner ? [winner] : await this.ledger.debitsOf(clinicId, candidate.refs!));
      if (winner) tail = await this.walk(clinicId, account, winner);
    }
    // The rest are refused for want of credits, without looking for them in the ledger: FerretDB scans it
    // (seconds once it is large), and only the holder of an attempt's claim asks for its debit, once.
    return answers;
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
      const candidate = this.entryAt(clinicId, balance, account, seq, { ...entry, balance: next });
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

  /** Where the chain ends as the cache says (or after its opening entry, written first if none). */
  private async tail(settings: SettingsDocument, balance: CreditsBalance, account: string) {
    const clinicId = settings._id;
    const head = balance.resourceId
      ? settings.creditsLedger?.byResource?.[balance.resourceId]
      : settings.creditsLedger?.clinic;
    const stored = balance.resourceId
      ? (settings.credits.byResource[balance.resourceId] ?? 0)
      : settings.credits.balance;
    // The cache holds the balance at position `head` (both written in one update): append after it. Not read
    // first: when other entries came since, the insert at the next position is refused and its winner read
    // (the caller walks on from there), so a current cache, the usual case, costs no read.
    if (head !== undefined) return { seq: head, balance: stored };
    // The balance stored before the ledger existed becomes its first entry, once (a deterministic id: two
    // processes opening it at once write one). The settings' value changes only after that entry exists.
    await this.ledger.append(
      this.entryAt(clinicId, balance, account, 0, {
        ref: `opening:${account}`,
        kind: 'opening',
        credits: stored,
        balance: stored,
      }),
    );
    return this.walk(clinicId, account, (await this.ledger.at(clinicId, account, 0))!);
  }

  /**
   * Caches the balance at `end`, then looks past it: a later entry whose caching this write may have undone,
   * or a stale write of the settings that took the cache back (updates are not atomic on FerretDB), is
   * cached again, so the last writer always leaves the chain's end.
   */
  private cache(clinicId: string, balance: CreditsBalance, account: string, end: ChainEnd): Promise<void> {
    // One clinic's balances are cached one after the other in this process, and not while a top-up is being
    // listed: they are fields of the one settings document, which FerretDB writes whole, so a write made at the
    // same moment as another's read-back would take the other's value back.
    return this.settingsWrites.run(clinicId, () => this.cacheUntilHeld(clinicId, balance, account, end));
  }

  private async cacheUntilHeld(clinicId: string, balance: CreditsBalance, account: string, end: ChainEnd) {
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

  /** The entry at position `seq` of a balance's chain, recording `recorded`, written now. */
  private entryAt(
    clinicId: string,
    balance: CreditsBalance,
    account: string,
    seq: number,
    recorded: Pick<CreditEntry, 'ref' | 'kind' | 'credits' | 'balance'> &
      Partial<Pick<CreditEntry, 'refs' | 'items'>>,
  ): CreditEntry {
    const at = this.clock.now();
    return {
      _id: entryId(account, seq),
      clinicId,
      account,
      resourceId: balance.resourceId,
      seq,
      ...recorded,
      at,
    };
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

/** The SMS a balance covers, in the order asked: each one that still fits, as single debits would be. */
function grant(balance: number, items: DebitItem[]): DebitItem[] {
  let left = balance;
  return items.filter((item) => {
    if (left - item.credits < 0) return false;
    left -= item.credits;
    return true;
  });
}
