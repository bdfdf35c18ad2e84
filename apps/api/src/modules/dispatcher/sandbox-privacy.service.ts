import { Injectable } from '@nestjs/common';
import { SandboxMessageRepository } from './sandbox-message.repository';

/**
 * The sandbox keeps a copy of every message it accepted (recipient and text, `sandbox_messages`): retention
 * and a patient's erasure remove the copies of the messages they empty (docs/privacy.md).
 */
@Injectable()
export class SandboxPrivacyService {
  constructor(private readonly messages: SandboxMessageRepository) {}

  /** Deletes the sandbox's copies of these deliveries; answers how many. */
  forgetMessages(deliveryIds: readonly string[]): Promise<number> {
    return this.messages.forget(deliveryIds);
  }
}
