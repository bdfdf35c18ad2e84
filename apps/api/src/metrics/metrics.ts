import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** A gauge read when Prometheus scrapes (a count in the database): answers its value. */
export type ScrapedValue = () => Promise<number>;

/**
 * The process's Prometheus metrics (`GET /metrics`, docs/production.md). Labels are never a clinic, a patient or
 * an address: channels, providers, outcomes, route patterns. Counters count what this process did (Prometheus
 * sums the processes); the gauges read from the database are the same in every process.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  /** Send attempts by outcome: sent, recovered (the provider had it), retrying, failed, skipped, expired, later. */
  readonly sends = new Counter({
    name: 'clinicflow_sends_total',
    help: 'Send attempts by channel, provider and outcome',
    labelNames: ['channel', 'provider', 'outcome'] as const,
    registers: [this.registry],
  });

  /** From a message's planned time (`sendAt`; quiet hours and retries included) to its acceptance by the provider. */
  readonly lag = new Histogram({
    name: 'clinicflow_send_lag_seconds',
    help: 'Seconds from a message planned time (sendAt) to its acceptance by the provider',
    labelNames: ['channel'] as const,
    buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 1800, 3600],
    registers: [this.registry],
  });

  /** Sends made again without knowing whether the first one went (the provider cannot be asked). */
  readonly inDoubt = new Counter({
    name: 'clinicflow_sends_in_doubt_total',
    help: 'Messages sent again after a process stopped mid-send, without a provider lookup: maybe twice',
    labelNames: ['channel', 'provider'] as const,
    registers: [this.registry],
  });

  /** Queue entries the consistency sweep gave back to deliveries that had lost theirs. */
  readonly queueRepairs = new Counter({
    name: 'clinicflow_queue_repairs_total',
    help: 'Deliveries given back the queue entry they had lost (status and queue disagreed)',
    registers: [this.registry],
  });

  /** Events received from the PMS (HTTP, HL7, FHIR) by answer: new, duplicate, invalid. */
  readonly events = new Counter({
    name: 'clinicflow_events_received_total',
    help: 'Events received, by answer',
    labelNames: ['answer'] as const,
    registers: [this.registry],
  });

  /** HTTP answers by method, route pattern (never a path with ids or tokens) and status class. */
  readonly http = new Histogram({
    name: 'clinicflow_http_request_duration_seconds',
    help: 'HTTP request durations by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'clinicflow_' });
  }

  /** A gauge whose value is read at each scrape (its owner's count in the database). */
  gauge(name: string, help: string, read: ScrapedValue): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        this.set(await read());
      },
    });
  }

  /** The text Prometheus reads. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
