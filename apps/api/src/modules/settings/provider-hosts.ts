import {
  ProviderHostNotAllowedError,
  resolveProviderHost,
  type ProviderHostPolicy,
} from '@clinicflow/channels';
import { AppError } from '../../common/app-error';
import type { Channel, ProviderInput } from './settings.dto';

/** A host a provider would connect to, and the settings field that names it. */
interface ProviderHost {
  field: 'host' | 'baseUrl';
  host: string;
  port: number | undefined;
}

/** The host a provider of that kind connects to (SMPP and SMTP `host`, a Twilio-style `baseUrl`); null when none. */
function hostOf(input: ProviderInput): ProviderHost | string | null {
  const value = (key: string) => {
    const v = input.options[key] ?? input.credentials?.[key];
    return v === undefined || v === '' ? undefined : String(v);
  };
  const port = value('port') === undefined ? undefined : Number(value('port'));
  switch (input.kind) {
    case 'smpp':
    case 'smtp': {
      const host = value('host');
      return host ? { field: 'host', host, port: port ?? (input.kind === 'smpp' ? 2775 : 587) } : null;
    }
    case 'twilio':
    case 'http': {
      const baseUrl = value('baseUrl');
      if (!baseUrl) return null;
      let url: URL;
      try {
        url = new URL(baseUrl);
      } catch {
        return 'must be an http or https URL';
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https URL';
      const urlPort = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
      return { field: 'baseUrl', host: url.hostname, port: urlPort };
    }
    default:
      return null;
  }
}

/**
 * Refuses (400 naming the field) a provider whose host is, or resolves to, a local, private, link-local or
 * metadata address unless the policy lists it; the transports check again at each connection, after their own
 * resolution, so a name that resolves differently later gains nothing. A name that does not resolve now is let
 * through: the connection will say so.
 */
export async function assertProviderHostsAllowed(
  providers: Partial<Record<Channel, ProviderInput>> | undefined,
  policy: ProviderHostPolicy,
): Promise<void> {
  const errors: { path: string; message: string }[] = [];
  for (const [channel, input] of Object.entries(providers ?? {})) {
    if (!input) continue;
    const found = hostOf(input);
    if (found === null) continue;
    if (typeof found === 'string') {
      errors.push({ path: `body.providers.${channel}.options.baseUrl`, message: found });
      continue;
    }
    try {
      await resolveProviderHost(found.host, found.port, policy);
    } catch (error) {
      if (!(error instanceof ProviderHostNotAllowedError)) continue;
      errors.push({
        path: `body.providers.${channel}.options.${found.field}`,
        message:
          'is a local, private, link-local or metadata address, which is not allowed (CLINICFLOW_ALLOWED_PROVIDER_HOSTS)',
      });
    }
  }
  if (errors.length > 0) throw AppError.invalid(errors, 'A provider address is not allowed');
}
