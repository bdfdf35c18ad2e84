import { Injectable, Logger } from '@nestjs/common';
import { DeliveryPlanningService } from '../deliveries/delivery-planning.service';
import type { SettingsDocument } from '../settings/settings.repository';

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
 * Tells the clinic admin, by e-mail, that SMS credits ran out (S7): once until the next top-up. The balance
 * itself is the settings' (`CreditsService`); the notice is a delivery like any other message.
 */
@Injectable()
export class CreditsNoticeService {
  private readonly logger = new Logger(CreditsNoticeService.name);

  constructor(private readonly planning: DeliveryPlanningService) {}

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
