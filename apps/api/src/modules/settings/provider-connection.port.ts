import { Injectable } from '@nestjs/common';
import { systemClock } from '@clinicflow/channels';
import { buildProvider, ProviderSettingsError } from './provider-settings';
import type { Channel } from './settings.dto';

export interface ProviderConnection {
  kind: string;
  options: Record<string, string | number | boolean>;
  credentials: Record<string, string>;
}

export interface ConnectionTestResult {
  ok: boolean;
  message: string;
}

/** A connection test that takes longer than this is reported as unreachable. */
const TEST_TIMEOUT_MS = 15_000;

/**
 * Where a provider's connection is tested (C7): the adapter of @clinicflow/channels the dispatcher would
 * use, built from the same settings, checks credentials and reachability without sending anything.
 */
@Injectable()
export class ProviderConnectionPort {
  async test(channel: Channel, provider: ProviderConnection): Promise<ConnectionTestResult> {
    if (provider.kind === 'sandbox') return { ok: true, message: `Sandbox ${channel} provider is reachable` };
    let adapter;
    try {
      adapter = buildProvider(provider, systemClock);
    } catch (error) {
      if (error instanceof ProviderSettingsError) return { ok: false, message: error.message };
      throw error;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        adapter.testConnection(),
        new Promise<{ ok: false; reason: string }>((resolve) => {
          timer = setTimeout(
            () => resolve({ ok: false, reason: 'The provider did not answer in time.' }),
            TEST_TIMEOUT_MS,
          );
        }),
      ]);
      return result.ok
        ? { ok: true, message: `The ${provider.kind} ${channel} provider is reachable` }
        : { ok: false, message: result.reason };
    } finally {
      clearTimeout(timer);
      await adapter.close().catch(() => undefined);
    }
  }
}
