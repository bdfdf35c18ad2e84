import { Db } from 'mongodb';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import type { CreditTopUp } from './settings.repository';

/** What moved credits: the balance stored before the ledger, a top-up, an SMS, or one given back. */
export type CreditEntryKind = 'opening' | 'top-up' | 'debit' | 'refund';

/** One SMS attempt's credits inside a grouped debit entry. */
export interface CreditDebitItem {
  deliveryId: string;
  attempt: number;
  /** Taken (positive). */
  credits: number;
}

/**
 * One entry of a balance's append-only chain (`credit_entries`, docs/engine.md "Credits"): `_id` is its
 * position `<account>#<seq>`, so two processes appending at the same position are decided by the insert;
 * `ref` (unique) names what it records (`debit:<deliveryId>:<attempt>` of a debit's first SMS,
 * `top-up:<clinicId>:<requestId>`, `refund:<deliveryId>:<attempt>`, `opening:<clinicId>[:<resourceId>]`), so
 * nothing is counted twice. A debit groups the SMS asked for together: `items`, and their refs in `refs`.
 */
export interface CreditEntry extends ClinicDocument {
  /** The balance: `<clinicId>` or, credits kept per practitioner, `<clinicId>:<resourceId>`. */
  account: string;
  resourceId: string | null;
  seq: number;
  ref: string;
  kind: CreditEntryKind;
  /** Signed: negative for a debit. */
  credits: number;
  /** The balance after this entry: its predecessor's plus `credits`, never below zero after a debit. */
  balance: number;
  at: Date;
  /** A debit's SMS attempts, in the order granted (absent on the single debits written before grouping). */
  items?: CreditDebitItem[];
  /** A debit's `debit:<deliveryId>:<attempt>` refs, one per item (indexed: a debit asked again is found). */
  refs?: string[];
  /** The top-up as the settings list it (top-ups), or the top-ups listed before the ledger (opening). */
  topUps?: CreditTopUp[];
}

/** The balance a chain holds: the account, its resource, and the position to append after. */
export interface CreditAccount {
  clinicId: string;
  resourceId: string | null;
}

/** What a chain sums to (the check): the sum of its entries, and the balance its last entry carries. */
export interface CreditChainSum {
  account: string;
  resourceId: string | null;
  sum: number;
  balance: number;
  seq: number;
}

export function accountOf({ clinicId, resourceId }: CreditAccount): string {
  return resourceId ? `${clinicId}:${resourceId}` : clinicId;
}

export function entryId(account: string, seq: number): string {
  return `${account}#${seq}`;
}

/** The ref of one SMS attempt's debit. */
export function debitRef({ deliveryId, attempt }: Pick<CreditDebitItem, 'deliveryId' | 'attempt'>): string {
  return `debit:${deliveryId}:${attempt}`;
}

/** What each SMS of a debit entry took and the balance left after it (grouped or single debit). */
export function debitsIn(entry: CreditEntry): { ref: string; credits: number; left: number }[] {
  if (!entry.items) return [{ ref: entry.ref, credits: -entry.credits, left: entry.balance }];
  let left = entry.balance - entry.credits;
  return entry.items.map((item) => {
    left -= item.credits;
    return { ref: debitRef(item), credits: item.credits, left };
  });
}

/** The credits ledger (`credit_entries`), owned by the settings module. */
@Injectable()
export class CreditLedgerRepository extends ClinicScopedRepository<CreditEntry> implements OnModuleInit {
  constructor(db: Db) {
    super(db, 'credit_entries');
  }

  async onModuleInit() {
    // `refs` is not unique: FerretDB 1.24 accepts a unique index on an array but does not enforce it across
    // documents (measured), and MongoDB's (unless sparse) would refuse a second entry without refs. An SMS is
    // debited once per attempt because only the holder of the attempt's claim asks (docs/engine.md "Credits").
    await this.ensureIndexes([
      { key: { ref: 1 }, unique: true },
      { key: { clinicId: 1, account: 1 } },
      { key: { refs: 1 } },
    ]);
  }

  /** Appends at the entry's position; false when that position or that `ref` is taken already. */
  append(entry: CreditEntry): Promise<boolean> {
    return this.insertOnce(entry.clinicId, entry);
  }

  /** The entry at a position of a chain, or null past its end (read by `_id`, the indexed path). */
  at(clinicId: string, account: string, seq: number): Promise<CreditEntry | null> {
    return this.findById(clinicId, entryId(account, seq));
  }

  /** The entry recording `ref`, wherever it is in the chain (read only when an append lost on its `ref`). */
  byRef(clinicId: string, ref: string): Promise<CreditEntry | null> {
    return this.findOne(clinicId, { ref });
  }

  /** The debit entries listing any of these SMS attempts' refs (read when a group's insert lost on its `ref`). */
  debitsOf(clinicId: string, refs: readonly string[]): Promise<CreditEntry[]> {
    if (refs.length === 0) return Promise.resolve([]);
    return this.findMany(clinicId, {
      kind: 'debit',
      $or: [{ ref: { $in: [...refs] } }, { refs: { $in: [...refs] } }],
    });
  }

  /** Every top-up of the clinic, oldest first (the settings' list rebuilt by the check). */
  topUps(clinicId: string): Promise<CreditEntry[]> {
    return this.findMany(clinicId, { kind: { $in: ['opening', 'top-up'] } }, { at: 1, _id: 1 });
  }

  /** Each chain of the clinic summed from its entries, with its last entry's balance (the truth and the cache). */
  async sums(clinicId: string): Promise<CreditChainSum[]> {
    const entries = await this.findMany(clinicId, {}, { account: 1, seq: 1 });
    const chains = new Map<string, CreditChainSum>();
    for (const entry of entries) {
      const chain = chains.get(entry.account) ?? {
        account: entry.account,
        resourceId: entry.resourceId,
        sum: 0,
        balance: 0,
        seq: -1,
      };
      chain.sum += entry.credits;
      if (entry.seq > chain.seq) Object.assign(chain, { seq: entry.seq, balance: entry.balance });
      chains.set(entry.account, chain);
    }
    return [...chains.values()];
  }
}
