import type { MessageProvider } from './provider';
import { SandboxProvider, type SandboxOptions } from './sandbox/sandbox-provider';
import { SmppProvider, type SmppOptions } from './smpp/smpp-provider';
import { SmtpProvider, type SmtpOptions } from './smtp/smtp-provider';
import { TwilioProvider, type TwilioOptions } from './twilio/twilio-provider';

/** A clinic's provider set-up, tagged with its kind (C7). */
export type ProviderSettings =
  | ({ kind: 'smpp' } & SmppOptions)
  | ({ kind: 'twilio' } & TwilioOptions)
  | ({ kind: 'smtp' } & SmtpOptions)
  | ({ kind: 'sandbox' } & SandboxOptions);

/**
 * The providers that can be asked what became of a message they took (`lookup`): the status refresh asks only
 * about their messages (an SMTP server keeps no message states; its e-mails would fill every refresh).
 */
export const PROVIDERS_WITH_LOOKUP = [
  'sandbox',
  'smpp',
  'twilio',
] as const satisfies readonly ProviderSettings['kind'][];

/** Builds the provider a clinic configured. */
export function createProvider(settings: ProviderSettings): MessageProvider {
  switch (settings.kind) {
    case 'smpp':
      return new SmppProvider(settings);
    case 'twilio':
      return new TwilioProvider(settings);
    case 'smtp':
      return new SmtpProvider(settings);
    case 'sandbox':
      return new SandboxProvider(settings);
  }
}
