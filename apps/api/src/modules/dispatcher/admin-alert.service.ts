import { Injectable, Logger } from '@nestjs/common';
import type { Channel, SendOutcome } from '@clinicflow/channels';
import { DateTime } from 'luxon';
import type { DeliveryInput } from '../deliveries/delivery-planning.service';
import { DeliveryPlanningService } from '../deliveries/delivery-planning.service';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import type { CreditDebit } from '../settings/credits.service';
import type { SettingsDocument } from '../settings/settings.repository';
import { DEFAULT_ADMIN_ALERTS } from '../settings/settings.dto';
import { SettingsService } from '../settings/settings.service';
import { isProviderFailure } from './provider-failure';
import { loggedError } from '../../common/logged-error';

type Language = 'en' | 'fr';

/**
 * One alert: its occurrence key (one alert per key, per channel it goes on) and its words: the e-mail's, and
 * the SMS's, short and in the GSM alphabet (one segment, one credit).
 */
interface Alert {
  key: string;
  subject: Record<Language, string>;
  body: Record<Language, string>;
  sms: Record<Language, string>;
}

const channelWords: Record<Channel, Record<Language, string>> = {
  sms: { en: 'SMS', fr: 'SMS' },
  email: { en: 'e-mail', fr: 'e-mail' },
  voice: { en: 'voice', fr: 'voix' },
  whatsapp: { en: 'WhatsApp', fr: 'WhatsApp' },
};

/**
 * Tells the clinic admin, by e-mail (`adminEmail`) and SMS (`adminMobile`), what needs a human (F10): a message
 * that failed for good, a channel's provider failing several times in a row, SMS credits below the clinic's
 * threshold. Each alert is a delivery like any other, planned under a key that names its occurrence window (the
 * clinic-local hour, or the top-ups so far for credits), so however many failures or processes report the same
 * thing, the admin gets one message per window and channel: the key's insert decides (like the credits-exhausted
 * notice). The words carry codes and counts only, never a patient's name, number or message.
 */
@Injectable()
export class AdminAlertService {
  private readonly logger = new Logger(AdminAlertService.name);
  /** Failures in a row of each clinic's provider of a channel, as this process saw them (clinic:channel). */
  private readonly streaks = new Map<string, number>();
  /** The hour window of the last provider alert this process planned (clinic:channel), to plan it once. */
  private readonly alerted = new Map<string, string>();

  constructor(
    private readonly planning: DeliveryPlanningService,
    private readonly settings: SettingsService,
  ) {}

  /** A message failed for good (a dead letter): one alert per clinic-local hour. */
  async deadLetter(delivery: DeliveryDocument, code: string, now: Date): Promise<void> {
    // An alert's own failure is not announced (it would go the same broken way); running out of credits has
    // its own notice.
    if (delivery.recipient.type === 'clinic-admin' || code === 'credits-exhausted') return;
    const settings = await this.clinic(delivery.clinicId);
    if (!settings) return;
    const what = safe(code);
    await this.tell(settings, now, {
      key: `admin-alert:dead-letter:${hourOf(now, settings)}`,
      subject: { en: 'A message could not be sent', fr: 'Un message n’a pas pu être envoyé' },
      body: {
        en: `{{clinic.name}}: a message failed for good (error: ${what}). The failed messages are in the report.`,
        fr: `{{clinic.name}} : un message n’a pas pu être envoyé (erreur : ${what}). Les messages en échec sont dans le rapport.`,
      },
      sms: {
        en: `{{clinic.name}}: a message failed for good (error ${what}). See the report.`,
        fr: `{{clinic.name}} : un message a échoué définitivement (erreur ${what}). Voir le rapport.`,
      },
    });
  }

  /**
   * What a provider answered: a provider failure (`isProviderFailure`) adds to its streak, an accepted message
   * ends it. From the clinic's `providerFailuresInARow` on, one alert per channel and clinic-local hour. The
   * streak is this process's: with several processes each counts the failures it saw.
   */
  async providerAnswered(delivery: DeliveryDocument, outcome: SendOutcome, now: Date): Promise<void> {
    const streakKey = `${delivery.clinicId}:${delivery.channel}`;
    if (outcome.accepted || !isProviderFailure(outcome)) {
      if (outcome.accepted) this.streaks.delete(streakKey);
      return;
    }
    const failures = (this.streaks.get(streakKey) ?? 0) + 1;
    this.streaks.set(streakKey, failures);
    const settings = await this.clinic(delivery.clinicId);
    if (!settings) return;
    const threshold = (settings.adminAlerts ?? DEFAULT_ADMIN_ALERTS).providerFailuresInARow;
    const hour = hourOf(now, settings);
    if (failures < threshold || this.alerted.get(streakKey) === hour) return;
    this.alerted.set(streakKey, hour);
    const words = channelWords[delivery.channel];
    const what = safe(outcome.code);
    await this.tell(settings, now, {
      key: `admin-alert:provider:${delivery.channel}:${hour}`,
      subject: {
        en: `The ${words.en} provider is failing`,
        fr: `Le fournisseur ${words.fr} est en échec`,
      },
      body: {
        en: `{{clinic.name}}: the ${words.en} provider failed ${failures} times in a row (last error: ${what}). Messages wait and are tried again; check the provider in the settings.`,
        fr: `{{clinic.name}} : le fournisseur ${words.fr} a échoué ${failures} fois de suite (dernière erreur : ${what}). Les messages attendent et seront réessayés ; vérifiez le fournisseur dans les réglages.`,
      },
      sms: {
        en: `{{clinic.name}}: the ${words.en} provider failed ${failures} times in a row (error ${what}). Check the settings.`,
        fr: `{{clinic.name}} : le fournisseur ${words.fr} a échoué ${failures} fois de suite (erreur ${what}). Voir les réglages.`,
      },
    });
  }

  /** SMS credits were taken: below the clinic's threshold, one alert until the next top-up (per balance). */
  async creditsTaken(settings: SettingsDocument, debit: CreditDebit, now: Date): Promise<void> {
    const threshold = (settings.adminAlerts ?? DEFAULT_ADMIN_ALERTS).creditsBelow;
    if (!debit.ok || threshold === null || debit.left >= threshold) return;
    const balance = debit.balance.resourceId ?? 'clinic';
    await this.tell(settings, now, {
      key: `admin-alert:credits-below:${settings.credits.topUps.length}:${balance}`,
      subject: { en: 'SMS credits running low', fr: 'Crédits SMS bientôt épuisés' },
      body: {
        en: `{{clinic.name}}: ${debit.left} SMS credits left, below the alert threshold of ${threshold}. Top up the credits to keep sending.`,
        fr: `{{clinic.name}} : il reste ${debit.left} crédits SMS, sous le seuil d’alerte de ${threshold}. Rechargez les crédits pour continuer d’envoyer.`,
      },
      sms: {
        en: `{{clinic.name}}: ${debit.left} SMS credits left (alert below ${threshold}). Top up the credits.`,
        fr: `{{clinic.name}} : il reste ${debit.left} crédits SMS (alerte sous ${threshold}). Rechargez les crédits.`,
      },
    });
  }

  /**
   * A webhook endpoint was turned off: its messages failed for 24 hours. One alert per endpoint and turning
   * off; the words name the endpoint's host only (never a path or query, which may carry a token).
   */
  async webhookDisabled(clinicId: string, endpointId: string, host: string, now: Date): Promise<void> {
    const settings = await this.clinic(clinicId);
    if (!settings) return;
    const where = host.replace(/[^\w.:-]/g, '').slice(0, 80) || 'unknown';
    await this.tell(settings, now, {
      key: `admin-alert:webhook-disabled:${endpointId}:${now.getTime()}`,
      subject: { en: 'A webhook was turned off', fr: 'Un webhook a été désactivé' },
      body: {
        en: `{{clinic.name}}: the webhook to ${where} failed for 24 hours and was turned off; your system no longer hears from clinicflow. Check it, then turn the webhook on again in the settings (Integrations), where each message can be sent again.`,
        fr: `{{clinic.name}} : le webhook vers ${where} a échoué pendant 24 heures et a été désactivé ; votre logiciel ne reçoit plus les événements de clinicflow. Vérifiez-le, puis réactivez le webhook dans les réglages (Intégrations), où chaque message peut être renvoyé.`,
      },
      sms: {
        en: `{{clinic.name}}: the webhook to ${where} failed for 24 h and was turned off. See the settings.`,
        fr: `{{clinic.name}} : le webhook vers ${where} a échoué 24 h et a été désactivé. Voir les réglages.`,
      },
    });
  }

  /**
   * An event from the PMS (or one the engine raised) failed its attempts and was set aside: one alert per
   * clinic-local hour. The words name no event and no patient: the service status lists them.
   */
  async eventsSetAside(clinicId: string, now: Date): Promise<void> {
    const settings = await this.clinic(clinicId);
    if (!settings) return;
    await this.tell(settings, now, {
      key: `admin-alert:events-set-aside:${hourOf(now, settings)}`,
      subject: { en: 'Events could not be processed', fr: 'Des événements n’ont pas pu être traités' },
      body: {
        en: `{{clinic.name}}: an event from your practice software failed for about two hours and was set aside: its reminders are not planned. The settings' service status lists the events set aside; process them again from there once the cause is fixed.`,
        fr: `{{clinic.name}} : un événement de votre logiciel de cabinet a échoué pendant environ deux heures et a été mis de côté : ses rappels ne sont pas planifiés. L’état du service, dans les réglages, liste les événements mis de côté ; traitez-les à nouveau depuis là une fois la cause corrigée.`,
      },
      sms: {
        en: `{{clinic.name}}: an event could not be processed and was set aside. See the service status.`,
        fr: `{{clinic.name}} : un événement n'a pas pu être traité et a été mis de côté. Voir l'état du service.`,
      },
    });
  }

  /** The clinic's settings, or null when it has none or they cannot be read now (an alert never stops a send). */
  private async clinic(clinicId: string): Promise<SettingsDocument | null> {
    try {
      return await this.settings.find(clinicId);
    } catch (error) {
      this.logger.error(`An alert of clinic ${clinicId} was not planned: ${loggedError(error)}`);
      return null;
    }
  }

  /** Plans the alert by e-mail and by SMS, each where the admin has an address; never throws. */
  private async tell(settings: SettingsDocument, now: Date, alert: Alert): Promise<void> {
    const language: Language = settings.defaultLanguage.startsWith('fr') ? 'fr' : 'en';
    const message = (channel: Channel, address: string): DeliveryInput => ({
      key: `${alert.key}:${channel}`,
      channel,
      recipient: { type: 'clinic-admin', name: 'clinic admin', address },
      sendAt: now,
      template: {
        byLanguage: {
          [language]: {
            ...(channel === 'email'
              ? { subject: alert.subject[language], body: alert.body[language] }
              : { body: alert.sms[language] }),
          },
        },
      },
      language,
      purpose: 'alert',
    });
    const inputs = [
      ...(settings.adminEmail ? [message('email', settings.adminEmail)] : []),
      ...(settings.adminMobile ? [message('sms', settings.adminMobile)] : []),
    ];
    if (inputs.length === 0) {
      this.logger.warn(`Clinic ${settings._id} has an alert for its admin and no admin e-mail or mobile`);
      return;
    }
    try {
      await this.planning.plan(
        settings._id,
        inputs,
        { timeZone: settings.timeZone, origin: 'notice', templateData: { clinic: { name: settings.name } } },
        now,
      );
    } catch (error) {
      this.logger.error(`An alert of clinic ${settings._id} was not planned: ${loggedError(error)}`);
    }
  }
}

/** The clinic-local hour an alert belongs to ("2026-04-06T14"): its occurrence window. */
function hourOf(now: Date, settings: SettingsDocument): string {
  return DateTime.fromJSDate(now, { zone: settings.timeZone }).toFormat("yyyy-MM-dd'T'HH");
}

/** A provider's code as the alert shows it: letters, digits, dots and dashes only (never template syntax). */
function safe(code: string): string {
  return code.replace(/[^\w.-]/g, '').slice(0, 40) || 'unknown';
}
