import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import type { Principal } from '../../http/principal';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import { DeliveryRetryService } from '../deliveries/delivery-retry.service';
import type { SettingsDocument } from '../settings/settings.repository';
import { SettingsService } from '../settings/settings.service';

export const CREDITS_STILL_EMPTY =
  'The SMS credits are still empty: top up the credits before sending the failed messages again.';

/** The balance an SMS draws on, as `CreditsService.debit` picks it: its practitioner's, or the clinic's. */
export function balanceFor(
  delivery: Pick<DeliveryDocument, 'resourceId'>,
  settings: Pick<SettingsDocument, 'creditsScope' | 'credits'>,
): number {
  if (settings.creditsScope === 'practitioner' && delivery.resourceId) {
    return settings.credits.byResource[delivery.resourceId] ?? 0;
  }
  return settings.credits.balance;
}

/**
 * "Retry all failed for credits" (S7): after a top-up, every message of the clinic that failed with
 * `credits-exhausted` goes back to the engine in one action, through the deliveries module's retry, and the
 * engine sends them at its pace; the progress says how many are left. Refused while the balance is empty.
 */
@Injectable()
export class DeliveryCreditsRetryService {
  constructor(
    private readonly retries: DeliveryRetryService,
    private readonly settings: SettingsService,
    private readonly clock: ClockRepository,
  ) {}

  /**
   * Sends again every message that failed for want of credits and whose balance has credits now (with credits
   * per practitioner, a practitioner still at zero keeps theirs failed: `unpaid`).
   */
  async retryAll(principal: Principal) {
    const clinicId = principal.clinicId;
    const settings = await this.settings.get(clinicId);
    const failed = await this.retries.failedForCredits(clinicId);
    // Test mode sends nothing and takes no credits (C8): nothing to wait for.
    const payable = settings.testMode ? failed : failed.filter((d) => balanceFor(d, settings) > 0);
    if (failed.length > 0 && payable.length === 0) {
      throw AppError.conflict(CREDITS_STILL_EMPTY, [
        { path: 'credits.balance', message: 'is empty: top up first' },
      ]);
    }
    const by = principal.email ?? 'staff';
    const retried = await this.retries.retryFailedForCredits(payable, by, this.clock.now());
    const progress = await this.retries.creditsRetryProgress(clinicId);
    return { retried, unpaid: failed.length - payable.length, ...progress };
  }

  /** The messages still failed for want of credits, and those sent again still to go. */
  progress(clinicId: string) {
    return this.retries.creditsRetryProgress(clinicId);
  }
}
