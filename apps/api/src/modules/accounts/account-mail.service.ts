import { Injectable } from '@nestjs/common';
import { ClockRepository } from '../../common/clock.repository';
import { DeliveryPlanningService } from '../deliveries/delivery-planning.service';
import type { SettingsDocument } from '../settings/settings.repository';
import type { UserDocument } from '../users/user.repository';
import type { LinkPurpose } from './account-link.repository';
import type { IssuedLink } from './account-link.service';

type Language = 'en' | 'fr';

/**
 * The words of each account e-mail; LINK and VALID_FOR are replaced by the set-password link and how long it
 * works before the text is planned (they are not template variables: the link is this message's own).
 */
const WORDS: Record<LinkPurpose, Record<Language, { subject: string; body: string }>> = {
  invitation: {
    en: {
      subject: 'Your clinicflow account at {{clinic.name}}',
      body: 'Hello {{user.name}},\n\nYou are invited to clinicflow, the messaging of {{clinic.name}}. Choose your password here (the link works once, for VALID_FOR):\n\nLINK\n\nIf you did not expect this e-mail, ignore it.',
    },
    fr: {
      subject: 'Votre compte clinicflow chez {{clinic.name}}',
      body: 'Bonjour {{user.name}},\n\nVous êtes invité(e) sur clinicflow, la messagerie de {{clinic.name}}. Choisissez votre mot de passe ici (le lien sert une fois, pendant VALID_FOR) :\n\nLINK\n\nSi vous n’attendiez pas ce message, ignorez-le.',
    },
  },
  reset: {
    en: {
      subject: 'Reset your clinicflow password',
      body: 'Hello {{user.name}},\n\nA new password was asked for your clinicflow account at {{clinic.name}}. Choose it here (the link works once, for VALID_FOR):\n\nLINK\n\nIf you did not ask for it, ignore this e-mail: your password stays as it is.',
    },
    fr: {
      subject: 'Réinitialisez votre mot de passe clinicflow',
      body: 'Bonjour {{user.name}},\n\nUn nouveau mot de passe a été demandé pour votre compte clinicflow chez {{clinic.name}}. Choisissez-le ici (le lien sert une fois, pendant VALID_FOR) :\n\nLINK\n\nSi vous ne l’avez pas demandé, ignorez ce message : votre mot de passe ne change pas.',
    },
  },
};

function validFor(hours: number, language: Language): string {
  if (language === 'fr') return hours === 1 ? '1 heure' : `${hours} heures`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

/** The e-mail's words with its link and validity written in (the link holds no template syntax). */
function written(words: { subject: string; body: string }, url: string, hours: number, language: Language) {
  return {
    subject: words.subject,
    body: words.body.replace('VALID_FOR', validFor(hours, language)).replace('LINK', url),
  };
}

/**
 * Invitation and reset e-mails (docs/accounts.md): deliveries like any other message (`origin: account`), sent
 * through the clinic's e-mail provider by the dispatcher (the sandbox in test mode), shown in the report with
 * the link hidden. They go whatever the clinic's messaging switches say: they are not messages to patients.
 */
@Injectable()
export class AccountMailService {
  constructor(
    private readonly planning: DeliveryPlanningService,
    private readonly clock: ClockRepository,
  ) {}

  async send(
    settings: SettingsDocument,
    user: UserDocument,
    purpose: LinkPurpose,
    link: IssuedLink,
    validHours: number,
    by: string | null,
  ): Promise<void> {
    const language: Language = settings.defaultLanguage.startsWith('fr') ? 'fr' : 'en';
    const now = this.clock.now();
    await this.planning.plan(
      settings._id,
      [
        {
          key: `account:${link.id}`,
          channel: 'email',
          recipient: { type: 'custom', name: user.name, address: user.email },
          sendAt: now,
          expiresAt: link.expiresAt,
          template: {
            byLanguage: { [language]: written(WORDS[purpose][language], link.url, validHours, language) },
          },
          language,
          purpose: 'notice',
        },
      ],
      {
        timeZone: settings.timeZone,
        origin: 'account',
        templateData: {
          clinic: { name: settings.name },
          user: { name: user.name },
        },
        by,
      },
      now,
    );
  }
}
