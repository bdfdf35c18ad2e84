/** At most `size` submits waiting for their response; the others queue in order. */
export class SubmitWindow {
  private inFlight = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly size: number) {}

  /** Waits for a free place in the window. */
  async enter(): Promise<void> {
    if (this.inFlight < this.size) {
      this.inFlight += 1;
      return;
    }
    await new Promise<void>((resolve) => this.queue.push(resolve));
  }

  /** Frees a place, handing it to the next waiting submit if any. */
  leave(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.inFlight -= 1;
  }
}
