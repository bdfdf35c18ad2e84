import { Injectable } from '@nestjs/common';
import type { DeliveryUpdated, RunUpdated } from '@clinicflow/contract';
import { EventEmitter } from 'node:events';

export type LiveEvent =
  | { clinicId: string; name: 'delivery.updated'; payload: DeliveryUpdated }
  | { clinicId: string; name: 'run.updated'; payload: RunUpdated };

/**
 * Where every state change of a run or a delivery is announced. The socket.io gateway listens here and
 * emits to the clinic's room; the relay carries events to the other API processes.
 */
@Injectable()
export class LiveEventsService {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  deliveryUpdated(clinicId: string, payload: DeliveryUpdated): void {
    this.publish({ clinicId, name: 'delivery.updated', payload });
  }

  runUpdated(clinicId: string, payload: RunUpdated): void {
    this.publish({ clinicId, name: 'run.updated', payload });
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
