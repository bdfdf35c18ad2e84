import { Injectable, Logger } from '@nestjs/common';
import { DeliveryPlanningService } from '../deliveries/delivery-planning.service';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import { SettingsRepository, type SettingsDocument } from '../settings/settings.repository';
import { KeyedSerialiser } from './concurrently';

/** Whether the credits for one SMS were taken, and from which balance (to give them back on a refusal). */
export type CreditDebit = { ok: true; field: string; credits: number } | { ok: false };

const exhaustedNotice = {
  en: {
    subject: 'SMS credits exhausted',
    body: 'The SMS credits of {{clinic.name}} are used up: text messages are no longer sent and are marked "credits exhausted" in the report. Top up the credits, then retry the failed messages.',
  },
  fr: {
    subject: 'Crédits SMS épuisés',
    body: 'Les crédits SMS de {{clinic.name}} sont épuisés : les SMS ne partent plus et sont marqués « crédits épuisés » dans le rapport. Rechargez les crédits, puis relancez les messages en échec.',
  },
};

/**
 * SMS credits (S7): one per segment, from the clinic's balance (or the practitioner's when credits are kept
 * per practitioner). Debits are read-check-write, which FerretDB does not make atomic across processes:
 * they are serialised per clinic inside this process; two processes debiting the same clinic at the same
 * instant may let the balance go a few credits below zero, never send without checking.
 */
@Injectable()
export class CreditsService {
  private readonly logger = new Logger(CreditsService.name);
  private readonly serial = new KeyedSerialiser();

  constructor(
    private readonly settings: SettingsRepository,
    private readonly planning: DeliveryPlanningService,
  ) {}

  /** Takes `credits` for an SMS; refuses when the balance is short. */
  debit(delivery: DeliveryDocument, credits: number): Promise<CreditDebit> {
    return this.serial.run(delivery.clinicId, async () => {
      const settings = await this.settings.findForClinic(delivery.clinicId);
      if (!settings) return { ok: false };
      const field = balanceField(settings, delivery);
      const balance =
        field === 'credits.balance'
          ? settings.credits.balance
          : (settings.credits.byResource[delivery.resourceId!] ?? 0);
      if (balance < credits) return { ok: false };
      await this.settings.updateRead(settings, { $inc: { [field]: -credits } });
      return { ok: true, field, credits };
    });
  }

  /** Gives back credits taken for an SMS the provider refused. */
  refund(delivery: DeliveryDocument, debit: CreditDebit): Promise<void> {
    if (!debit.ok) return Promise.resolve();
    return this.serial.run(delivery.clinicId, async () => {
      const settings = await this.settings.findForClinic(delivery.clinicId);
      if (settings) await this.settings.updateRead(settings, { $inc: { [debit.field]: debit.credits } });
    });
  }

  /**
   * Tells the clinic admin, by e-mail, that credits ran out: once until the next top-up. The notice is a
   * delivery whose key names the number of top-ups so far, so every later failure plans the same one again
   * (a no-op) and the first failure after a top-up plans a new one.
   */
  async notifyExhausted(settings: SettingsDocument, now: Date): Promise<boolean> {
    if (!settings.adminEmail) {
      this.logger.warn(`Clinic ${settings._id} has run out of SMS credits and has no admin e-mail to tell`);
      return false;
    }
    const answer = await this.planning.plan(
      settings._id,
      [
        {
          key: `credits-exhausted:${settings.credits.topUps.length}`,
          channel: 'email',
          recipient: { type: 'clinic-admin', name: 'clinic admin', address: settings.adminEmail },
          sendAt: now,
          template: { byLanguage: exhaustedNotice },
          language: settings.defaultLanguage.startsWith('fr') ? 'fr' : 'en',
          purpose: null,
        },
      ],
      { timeZone: settings.timeZone, origin: 'notice', templateData: { clinic: { name: settings.name } } },
      now,
    );
    return answer.planned.length > 0;
  }
}

function balanceField(settings: SettingsDocument, delivery: DeliveryDocument): string {
  return settings.creditsScope === 'practitioner' && delivery.resourceId
    ? `credits.byResource.${delivery.resourceId}`
    : 'credits.balance';
}
