/**
 * The sends of one process in flight, by delivery and by clinic. It outlives a dispatch pass: a pass that
 * cannot take more (its scans spent, or the pool full) while its own sends hang hands back to the engine, whose
 * timers and events go on, and the next pass finds those sends still here, holding their places.
 */
export class SendPool {
  private readonly byDelivery = new Map<string, string>();
  private readonly byClinic = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  /** One promise for everyone waiting for the next send to end, however many ask (the engine asks each tick). */
  private nextEnd: { ended: Promise<void>; resolve: () => void } | null = null;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.byDelivery.size;
  }

  get free(): number {
    return this.capacity - this.byDelivery.size;
  }

  has(deliveryId: string): boolean {
    return this.byDelivery.has(deliveryId);
  }

  /** The deliveries in flight (a scan of the queue leaves them out). */
  deliveryIds(): string[] {
    return [...this.byDelivery.keys()];
  }

  heldBy(clinicId: string): number {
    return this.byClinic.get(clinicId) ?? 0;
  }

  /** Whether some clinic holds at least `places` of the pool. */
  someClinicHolds(places: number): boolean {
    for (const held of this.byClinic.values()) if (held >= places) return true;
    return false;
  }

  /** Holds a place for the delivery before its send starts (a scan takes several at once). */
  reserve(deliveryId: string, clinicId: string): void {
    this.byDelivery.set(deliveryId, clinicId);
    this.byClinic.set(clinicId, this.heldBy(clinicId) + 1);
  }

  /** Runs a reserved delivery's send; its place is given back when the send ends, whatever its end. */
  run(deliveryId: string, send: () => Promise<void>): Promise<void> {
    const work: Promise<void> = send().finally(() => {
      const clinicId = this.byDelivery.get(deliveryId);
      this.byDelivery.delete(deliveryId);
      if (clinicId !== undefined) {
        const left = this.heldBy(clinicId) - 1;
        if (left > 0) this.byClinic.set(clinicId, left);
        else this.byClinic.delete(clinicId);
      }
      this.running.delete(work);
      const waiting = this.nextEnd;
      this.nextEnd = null;
      waiting?.resolve();
    });
    this.running.add(work);
    return work;
  }

  /** Resolves when one of the sends in flight now ends (at once when none is). */
  oneEnded(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    if (!this.nextEnd) {
      let resolve!: () => void;
      const ended = new Promise<void>((done) => (resolve = done));
      this.nextEnd = { ended, resolve };
    }
    return this.nextEnd.ended;
  }

  /** Waits until no send is in flight, those started meanwhile included; whether there were any. */
  async settle(): Promise<boolean> {
    const had = this.running.size > 0;
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
    return had;
  }
}
