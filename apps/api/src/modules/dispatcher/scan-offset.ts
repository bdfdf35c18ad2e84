/** Claims a scan must have seen before the next scan's start is decided again. */
const MIN_CLAIMS = 10;
/** The share of lost claims from which another process is taken to be scanning the same entries. */
const CONTENDED_SHARE = 0.25;
/** How many scan windows a contended scan may step over. */
const SPREAD_WINDOWS = 3;

/**
 * Where a scan of the queue starts. Processes sending one burst read the same earliest entries and lose each
 * other's claims (a lost claim is a wasted insert, and a slot of the scan taken for nothing). While this
 * process's claims are won a scan starts at the head of the queue; once it loses a good share of them, at a
 * random point within a few windows, and it turns to the other end of what is due with a chance of one in two:
 * two processes soon read the burst from its two ends and meet only in its middle (more than two spread by the
 * random point too). Nothing is left behind: a scan past the end of what is due sends the next one back to the
 * start, and a queue with nothing left due turns the scans back to the earliest entries first.
 */
export class ScanOffset {
  private won = 0;
  private lost = 0;
  private contended = false;
  private headNext = false;
  private reversed = false;

  constructor(
    private readonly window: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** Counts a claim of a scanned entry, won or lost to another process. */
  claimed(won: boolean): void {
    if (won) this.won++;
    else this.lost++;
  }

  /** How many due entries the next scan steps over. */
  next(): number {
    if (this.won + this.lost >= MIN_CLAIMS) {
      this.contended = this.lost >= CONTENDED_SHARE * (this.won + this.lost);
      this.won = this.lost = 0;
      // Each contender turns or not at random: two that read the same way soon read two ways.
      if (this.contended && this.random() < 0.5) this.reversed = !this.reversed;
    }
    if (this.headNext) {
      this.headNext = false;
      return 0;
    }
    return this.contended ? Math.floor(this.random() * SPREAD_WINDOWS * this.window) : 0;
  }

  /** Whether the next scan reads the latest due entries first (from the queue's other end). */
  get fromTheEnd(): boolean {
    return this.reversed;
  }

  /** The last scan stepped over entries and found fewer than it asked for: the next starts at the head. */
  passedTheEnd(): void {
    this.headNext = true;
  }

  /** Nothing was left due for this process: the next burst is read earliest first again. */
  drained(): void {
    this.reversed = false;
  }
}

/** The items shuffled in place (Fisher-Yates): each process works through the same scan in its own order. */
export function inRandomOrder<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
