import { Injectable } from '@nestjs/common';

/**
 * Whether this process is stopping (SIGTERM or SIGINT received, main.ts): it finishes what it holds, and its
 * readiness says so at once, so that a load balancer sends it no more requests while it drains.
 */
@Injectable()
export class Draining {
  private since: Date | null = null;

  /** The process was asked to stop. */
  begin(at = new Date()): void {
    this.since ??= at;
  }

  get draining(): boolean {
    return this.since !== null;
  }
}
