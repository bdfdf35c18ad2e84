import { Injectable } from '@nestjs/common';
import type { DeliveryUpdated, RunUpdated } from '@clinicflow/contract';
import { EventEmitter } from 'node:events';

/** A user's sessions ended (disabled, a new password, "sign out everywhere"): tokens older than this version. */
export interface SessionEnded {
  /** The user's id. */
  id: string;
  tokenVersion: number;
}

export type LiveEvent =
  | { clinicId: string; name: 'delivery.updated'; payload: DeliveryUpdated }
  | { clinicId: string; name: 'run.updated'; payload: RunUpdated }
  | { clinicId: string; name: 'session.ended'; payload: SessionEnded };

/**
 * Where every state change of a run or a delivery is announced. The socket.io gateway listens here and
 * emits to the clinic's room; the relay carries events to the other API processes.
 */
@Injectable()
export class LiveEventsService {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private watchers = 0;

  /** Whether a client of this process listens (a socket is open): only then are other processes' events read. */
  get watched(): boolean {
    return this.watchers > 0;
  }

  /** A client starts listening; the function returned says it stopped (once, however often it is called). */
  watch(): () => void {
    this.watchers++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.watchers--;
    };
  }

  deliveryUpdated(clinicId: string, payload: DeliveryUpdated): void {
    this.publish({ clinicId, name: 'delivery.updated', payload });
  }

  runUpdated(clinicId: string, payload: RunUpdated): void {
    this.publish({ clinicId, name: 'run.updated', payload });
  }

  /**
   * A user's sessions ended: every process closes that user's sockets opened with an older token (the relay
   * carries it like any live event; it is never sent to a client's room).
   */
  sessionEnded(clinicId: string, payload: SessionEnded): void {
    this.publish({ clinicId, name: 'session.ended', payload });
  }

  /** Announces an event raised in this process. */
  publish(event: LiveEvent): void {
    this.emitter.emit('event', event);
  }

  /** Subscribes to the events raised in this process; returns the unsubscribe function. */
  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  /** Hands on an event another API process raised (read by the relay), for this process's sockets. */
  relayed(event: LiveEvent): void {
    this.emitter.emit('relayed', event);
  }

  /** Subscribes to every event, raised here or relayed from another process (the socket gateway). */
  subscribeAll(listener: (event: LiveEvent) => void): () => void {
    this.emitter.on('event', listener);
    this.emitter.on('relayed', listener);
    return () => {
      this.emitter.off('event', listener);
      this.emitter.off('relayed', listener);
    };
  }
}
