import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Channel, Clock, MessageProvider, ProviderEvent } from '@clinicflow/channels';
import { randomBytes } from 'node:crypto';
import { ClockRepository } from '../../common/clock.repository';
import type { Env } from '../../config/env';
import { API_PREFIX } from '../../http/configure-http';
import { buildProvider } from '../settings/provider-settings';
import type { SettingsDocument } from '../settings/settings.repository';
import { SettingsService } from '../settings/settings.service';
import { SandboxMessageRepository, SharedSandboxProvider } from './sandbox-message.repository';
import { errorSummary } from '../../common/logged-error';

/** A clinic's provider for one channel, and what it can do. */
export interface ClinicProvider {
  provider: MessageProvider;
  /** The configured kind ("sandbox" in test mode or when nothing is configured). */
  kind: string;
  /**
   * Whether `lookup` answers by our idempotency key from any process (the shared sandbox). SMPP and Twilio
   * only know ids this process was told, so after a crash they cannot say what they accepted.
   */
  canLookupByKey: boolean;
}

export type ProviderEventListener = (
  clinicId: string,
  channel: Channel,
  providerName: string,
  event: ProviderEvent,
) => void;

interface Cached {
  version: string;
  entry: Promise<ClinicProvider>;
}

/**
 * The provider of each clinic and channel, built from its settings with the channels library and kept until
 * its settings change (kind, options, credentials, test mode). Test mode (C8) and a channel without a provider go to the sandbox,
 * whose messages live in `sandbox_messages`, shared by every process.
 */
@Injectable()
export class ProviderRegistry implements OnModuleDestroy {
  private readonly logger = new Logger(ProviderRegistry.name);
  private readonly cache = new Map<string, Cached>();
  private readonly listeners = new Set<ProviderEventListener>();
  readonly providerClock: Clock;
  private readonly publicUrl: string | undefined;

  constructor(
    private readonly sandboxStore: SandboxMessageRepository,
    private readonly settings: SettingsService,
    clock: ClockRepository,
    config: ConfigService<Env, true>,
  ) {
    this.publicUrl = config.get('PUBLIC_URL', { infer: true })?.replace(/\/+$/, '');
    // Providers read "now" from the application's clock (tests move it) and wait on real timers.
    this.providerClock = {
      now: () => clock.now(),
      setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    };
  }

  /** Pushed receipts and replies of every provider built (SMPP deliver_sm, sandbox receipts). */
  onProviderEvent(listener: ProviderEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The clinic's provider for a channel, as its settings say now. */
  forChannel(settings: SettingsDocument, channel: Channel): Promise<ClinicProvider> {
    const key = `${settings._id}:${channel}`;
    // Rebuilt when what it is built from changes (not on any settings change: an SMPP bind is worth keeping).
    const version = JSON.stringify([settings.testMode, settings.providers[channel] ?? null]);
    const cached = this.cache.get(key);
    if (cached?.version === version) return cached.entry;
    if (cached) void cached.entry.then(({ provider }) => provider.close()).catch(() => undefined);
    const entry = Promise.resolve().then(() => this.build(settings, channel));
    // A provider that cannot be built is not kept: the next send tries again (settings may be fixed by then).
    entry.catch(() => {
      if (this.cache.get(key)?.entry === entry) this.cache.delete(key);
    });
    this.cache.set(key, { version, entry });
    return entry;
  }

  private build(settings: SettingsDocument, channel: Channel): ClinicProvider {
    const stored = settings.providers[channel];
    const useSandbox = settings.testMode || !stored || stored.kind === 'sandbox';
    let provider: MessageProvider;
    if (useSandbox) {
      const options = stored?.kind === 'sandbox' ? stored.options : {};
      const delay = typeof options.receiptDelayMs === 'number' ? options.receiptDelayMs : 2000;
      provider = new SharedSandboxProvider(this.sandboxStore, {
        clock: this.providerClock,
        // Each sandbox starts its own counter: a prefix of its own keeps ids unique across processes and
        // across rebuilds (provider ids are linked to deliveries by `_id`).
        messageIdPrefix: `sandbox-${randomBytes(4).toString('hex')}`,
        receiptDelayMs: options.receipts === false ? null : delay,
        // WhatsApp: read this long after delivery when the clinic says so (a demo); never read otherwise.
        readAfterMs: typeof options.readAfterMs === 'number' ? options.readAfterMs : null,
      });
    } else {
      // A question's call gathers the key pressed and has it posted back here (F4): only with a public address.
      const keypressUrl = this.publicUrl
        ? `${this.publicUrl}/${API_PREFIX}/providers/${settings._id}/twilio/keypress`
        : undefined;
      provider = buildProvider(this.settings.providerConnection(settings, channel)!, this.providerClock, {
        keypressUrl,
      });
    }
    provider.onEvent?.((event) => this.emit(settings._id, channel, provider.name, event));
    return { provider, kind: useSandbox ? 'sandbox' : stored.kind, canLookupByKey: useSandbox };
  }

  private emit(clinicId: string, channel: Channel, providerName: string, event: ProviderEvent) {
    for (const listener of this.listeners) {
      try {
        listener(clinicId, channel, providerName, event);
      } catch (error) {
        this.logger.warn(`A provider event listener failed: ${errorSummary(error)}`);
      }
    }
  }

  /** Closes every provider (SMPP sessions, SMTP pools, pending sandbox receipts). */
  async onModuleDestroy(): Promise<void> {
    const entries = [...this.cache.values()];
    this.cache.clear();
    await Promise.all(
      entries.map(({ entry }) => entry.then(({ provider }) => provider.close()).catch(() => undefined)),
    );
  }
}
