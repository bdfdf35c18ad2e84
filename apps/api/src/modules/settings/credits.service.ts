import { Injectable } from '@nestjs/common';
import { KeyedSerialiser } from '../../common/concurrently';
import { SettingsRepository, type CreditsBalance } from './settings.repository';

/** Whether the credits for one SMS were taken, and from which balance (to give them back on a refusal). */
export type CreditDebit =
  | {
      ok: true;
      balance: CreditsBalance;
      credits: number;
      /** What the balance holds after it. */
      left: number;
    }
  | { ok: false };

/**
 * SMS credits (S7): one per segment, from the clinic's balance (or the practitioner's when credits are kept
 * per practitioner). Debits are read-check-write, which FerretDB does not make atomic across processes:
 * they are serialised per clinic inside this process; two processes debiting the same clinic at the same
 * instant may let the balance go a few credits below zero, never send without checking.
 */
@Injectable()
export class CreditsService {
  private readonly serial = new KeyedSerialiser();

  constructor(private readonly settings: SettingsRepository) {}

  /** Takes `credits` for an SMS to a practitioner's patient (`resourceId`); refuses when the balance is short. */
  debit(clinicId: string, resourceId: string | null, credits: number): Promise<CreditDebit> {
    return this.serial.run(clinicId, async () => {
      const settings = await this.settings.findForClinic(clinicId);
      if (!settings) return { ok: false };
      const balance = {
        resourceId: settings.creditsScope === 'practitioner' && resourceId ? resourceId : null,
      };
      const left = balance.resourceId
        ? (settings.credits.byResource[balance.resourceId] ?? 0)
        : settings.credits.balance;
      if (left < credits) return { ok: false };
      await this.settings.addCredits(clinicId, balance, -credits);
      return { ok: true, balance, credits, left: left - credits };
    });
  }

  /** Gives back credits taken for an SMS the provider refused. */
  refund(clinicId: string, debit: CreditDebit): Promise<void> {
    if (!debit.ok) return Promise.resolve();
    return this.serial.run(clinicId, async () => {
      if (await this.settings.findForClinic(clinicId)) {
        await this.settings.addCredits(clinicId, debit.balance, debit.credits);
      }
    });
  }
}
