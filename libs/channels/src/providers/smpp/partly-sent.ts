import { LRUCache } from 'lru-cache';

/** What an SMS centre accepted of a long message before one of its parts was refused or went unanswered. */
export interface PartlySent {
  /** The message as it was split (sender, number, text): a retry of other text starts again from part 1. */
  fingerprint: string;
  /** The concatenation reference of its parts: the handset joins the retried parts to the earlier ones by it. */
  reference: number;
  /** The message_id of each accepted part, in order (parts go one after the other, so a prefix). */
  acceptedIds: string[];
}

/** At most this many partly sent messages are kept (the least recently used forgotten first): a few hundred bytes each. */
const KEPT = 10_000;

/**
 * The long messages partly accepted by the SMS centre, by idempotency key, so that a retry submits only the
 * parts still missing instead of every part again (issue 22). In this process's memory: a retry in another
 * process, or after a restart, sends every part (the message is then marked in doubt by the dispatcher only
 * when the earlier attempt's outcome was unknown).
 */
export class PartlySentMessages {
  private readonly byKey: LRUCache<string, PartlySent>;

  constructor(kept = KEPT) {
    this.byKey = new LRUCache({ max: kept });
  }

  /** What was accepted of the message sent under `key`, when it is the same message (same fingerprint). */
  resume(key: string, fingerprint: string): PartlySent | null {
    const partly = this.byKey.get(key);
    return partly && partly.fingerprint === fingerprint ? partly : null;
  }

  /** Remembers the parts accepted so far; nothing when none was. */
  remember(key: string, partly: PartlySent): void {
    this.byKey.delete(key);
    if (partly.acceptedIds.length === 0) return;
    this.byKey.set(key, partly);
  }

  /** The message went whole (or is given up): nothing to resume. */
  forget(key: string): void {
    this.byKey.delete(key);
  }
}
