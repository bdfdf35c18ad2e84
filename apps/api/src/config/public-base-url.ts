import type { ConfigService } from '@nestjs/config';
import type { Env } from './env';

/**
 * The base of the links in messages (set-password e-mails, the patient's links): `PUBLIC_URL`, else
 * `http://localhost:<PORT>` (a local installation), never a request's Host header (a forged Host would send the
 * link's token elsewhere). No trailing slash.
 */
export function publicBaseUrl(config: ConfigService<Env, true>): string {
  const publicUrl = config.get('PUBLIC_URL', { infer: true });
  return (publicUrl ?? `http://localhost:${config.get('PORT', { infer: true })}`).replace(/\/+$/, '');
}
