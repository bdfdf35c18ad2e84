import { Injectable } from '@nestjs/common';
import { MAX_PROVIDER_TIMEOUT_MS, systemClock, type ConnectionFailure } from '@clinicflow/channels';
import type { ProviderTestResult } from '@clinicflow/contract';
import { buildProvider, ProviderSettingsError, type ProviderConnectionSettings } from './provider-settings';
import type { Channel } from './settings.dto';

export type ProviderConnection = ProviderConnectionSettings;

export interface ConnectionTestResult {
  ok: boolean;
  result: ProviderTestResult;
  message: string;
}

/** Our own words for each result: the remote's answer is never echoed (a test must not scan a network). */
const MESSAGES: Record<ConnectionFailure, string> = {
  refused: 'The provider refused the connection or the login.',
  'timed-out': 'The provider did not answer in time.',
  'tls-failed': 'The secure connection (TLS) to the provider failed.',
  'not-allowed': 'The provider’s address is a local or private one, which is not allowed.',
};

function failed(failure: ConnectionFailure): ConnectionTestResult {
  return { ok: false, result: failure, message: MESSAGES[failure] };
}

/**
 * Where a provider's connection is tested (C7): the adapter of @clinicflow/channels the dispatcher would
 * use, built from the same settings (its host guard included), checks credentials and reachability without
 * sending anything. The answer is a result code, within MAX_PROVIDER_TIMEOUT_MS.
 */
@Injectable()
export class ProviderConnectionPort {
  async test(channel: Channel, provider: ProviderConnection): Promise<ConnectionTestResult> {
    if (provider.kind === 'sandbox')
      return { ok: true, result: 'connected', message: `Sandbox ${channel} provider is reachable` };
    let adapter;
    try {
      adapter = buildProvider(provider, systemClock);
    } catch (error) {
      // Our own sentence (a setting is missing), not the remote's.
      if (error instanceof ProviderSettingsError)
        return { ok: false, result: 'refused', message: error.message };
      throw error;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      const outcome = await Promise.race([
        adapter.testConnection(),
        new Promise<{ ok: false; reason: string; failure: ConnectionFailure }>((resolve) => {
          timer = setTimeout(
            () => resolve({ ok: false, reason: '', failure: 'timed-out' }),
            MAX_PROVIDER_TIMEOUT_MS + 1000,
          );
        }),
      ]);
      return outcome.ok
        ? { ok: true, result: 'connected', message: `The ${provider.kind} ${channel} provider is reachable` }
        : failed(outcome.failure ?? 'refused');
    } finally {
      clearTimeout(timer);
      await adapter.close().catch(() => undefined);
    }
  }
}
