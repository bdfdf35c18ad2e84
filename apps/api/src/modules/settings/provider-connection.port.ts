import { Injectable } from '@nestjs/common';
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

/**
 * Where a provider's connection is tested (C7). The adapters live in @clinicflow/channels; until it exports
 * them, only the sandbox answers and the others say that their adapter is not available yet.
 */
@Injectable()
export class ProviderConnectionPort {
  async test(channel: Channel, provider: ProviderConnection): Promise<ConnectionTestResult> {
    if (provider.kind === 'sandbox') return { ok: true, message: `Sandbox ${channel} provider is reachable` };
    return { ok: false, message: `No ${provider.kind} adapter is available in this build yet` };
  }
}
