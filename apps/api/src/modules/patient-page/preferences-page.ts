import type { Channel } from '@clinicflow/rules';
import type { ConsentPurpose } from '@clinicflow/contract';
import { escapeHtml, page, PAGE_LANGUAGES, type PageLanguage } from './page-layout';

/** The patient's preferences as their page shows them (docs/patient-links.md). */
export interface PreferencesView {
  language: PageLanguage;
  clinic: string;
  /** The channels the clinic uses, each with whether the patient allows it. */
  channels: { channel: Channel; allowed: boolean }[];
  purposes: { purpose: ConsentPurpose; allowed: boolean }[];
  /** The language of the patient's messages, one of the page's. */
  messageLanguage: PageLanguage;
}

interface PreferencesWords {
  title: string;
  intro: (clinic: string) => string;
  channels: string;
  channel: Record<Channel, string>;
  purposes: string;
  purpose: Record<ConsentPurpose, string>;
  language: string;
  save: string;
  saved: string;
}

const LANGUAGE_NAMES: Record<PageLanguage, string> = {
  fr: 'Français',
  en: 'English',
  es: 'Español',
  nb: 'Norsk (bokmål)',
  it: 'Italiano',
  de: 'Deutsch',
};

const WORDS: Record<PageLanguage, PreferencesWords> = {
  fr: {
    title: 'Mes préférences',
    intro: (clinic) => `Choisissez comment ${clinic} vous contacte.`,
    channels: 'Par quels moyens',
    channel: { sms: 'SMS', email: 'E-mail', voice: 'Appel vocal', whatsapp: 'WhatsApp' },
    purposes: 'Pour quels messages',
    purpose: {
      reminders: 'Rappels de rendez-vous',
      recall: 'Rappels de suivi (prochain contrôle)',
      surveys: 'Questionnaires de satisfaction',
    },
    language: 'Langue des messages',
    save: 'Enregistrer',
    saved: 'C’est enregistré.',
  },
  en: {
    title: 'My preferences',
    intro: (clinic) => `Choose how ${clinic} contacts you.`,
    channels: 'How',
    channel: { sms: 'SMS', email: 'E-mail', voice: 'Voice call', whatsapp: 'WhatsApp' },
    purposes: 'For which messages',
    purpose: {
      reminders: 'Appointment reminders',
      recall: 'Recall (your next check-up)',
      surveys: 'Satisfaction surveys',
    },
    language: 'Language of the messages',
    save: 'Save',
    saved: 'Saved.',
  },
  es: {
    title: 'Mis preferencias',
    intro: (clinic) => `Elija cómo le contacta ${clinic}.`,
    channels: 'Por qué medios',
    channel: { sms: 'SMS', email: 'Correo electrónico', voice: 'Llamada de voz', whatsapp: 'WhatsApp' },
    purposes: 'Para qué mensajes',
    purpose: {
      reminders: 'Recordatorios de citas',
      recall: 'Aviso de revisión (su próxima revisión)',
      surveys: 'Encuestas de satisfacción',
    },
    language: 'Idioma de los mensajes',
    save: 'Guardar',
    saved: 'Guardado.',
  },
  nb: {
    title: 'Mine innstillinger',
    intro: (clinic) => `Velg hvordan ${clinic} kontakter deg.`,
    channels: 'Hvordan',
    channel: { sms: 'SMS', email: 'E-post', voice: 'Taleanrop', whatsapp: 'WhatsApp' },
    purposes: 'Hvilke meldinger',
    purpose: {
      reminders: 'Timepåminnelser',
      recall: 'Innkalling til kontroll',
      surveys: 'Spørreundersøkelser',
    },
    language: 'Språk i meldingene',
    save: 'Lagre',
    saved: 'Lagret.',
  },
  it: {
    title: 'Le mie preferenze',
    intro: (clinic) => `Scegli come ${clinic} ti contatta.`,
    channels: 'Come',
    channel: { sms: 'SMS', email: 'E-mail', voice: 'Chiamata vocale', whatsapp: 'WhatsApp' },
    purposes: 'Per quali messaggi',
    purpose: {
      reminders: 'Promemoria degli appuntamenti',
      recall: 'Richiami (il prossimo controllo)',
      surveys: 'Questionari di soddisfazione',
    },
    language: 'Lingua dei messaggi',
    save: 'Salva',
    saved: 'Salvato.',
  },
  de: {
    title: 'Meine Einstellungen',
    intro: (clinic) => `Wählen Sie, wie ${clinic} Sie kontaktiert.`,
    channels: 'Wie',
    channel: { sms: 'SMS', email: 'E-Mail', voice: 'Sprachanruf', whatsapp: 'WhatsApp' },
    purposes: 'Für welche Nachrichten',
    purpose: {
      reminders: 'Terminerinnerungen',
      recall: 'Recall (Ihre nächste Kontrolle)',
      surveys: 'Zufriedenheitsumfragen',
    },
    language: 'Sprache der Nachrichten',
    save: 'Speichern',
    saved: 'Gespeichert.',
  },
};

const STYLE = `fieldset{border:1px solid #868e96;border-radius:.4rem;margin:0 0 1rem;padding:.5rem .9rem}
legend{font-weight:600;padding:0 .3rem}
fieldset label{display:flex;gap:.6rem;align-items:center;padding:.45rem 0}
input[type=checkbox]{width:1.3rem;height:1.3rem}
input:focus-visible,select:focus-visible{outline:3px solid #1a1b1e;outline-offset:2px}
select{font:inherit;padding:.4rem;margin:.3rem 0 1.2rem;display:block}
.notice{padding:.7rem .9rem;border-radius:.4rem;background:#e7f5ff;border-left:4px solid #1971c2}
`;

const box = (name: string, value: string, checked: boolean, label: string) =>
  `<label><input type="checkbox" name="${name}" value="${value}"${checked ? ' checked' : ''}>${escapeHtml(label)}</label>`;

/** The preferences page: one form (no script), saved by a POST; `saved` after it. */
export function preferencesPage(view: PreferencesView, saved = false): string {
  const words = WORDS[view.language];
  const channels = view.channels.map(({ channel, allowed }) =>
    box('channel', channel, allowed, words.channel[channel]),
  );
  const purposes = view.purposes.map(({ purpose, allowed }) =>
    box('purpose', purpose, allowed, words.purpose[purpose]),
  );
  const languages = PAGE_LANGUAGES.map(
    (language) =>
      `<option value="${language}"${language === view.messageLanguage ? ' selected' : ''}>${LANGUAGE_NAMES[language]}</option>`,
  );
  return page(
    view.language,
    words.title,
    [
      saved ? `<p class="notice" role="status">${escapeHtml(words.saved)}</p>` : '',
      `<p>${escapeHtml(words.intro(view.clinic))}</p>`,
      '<form method="post"><input type="hidden" name="action" value="preferences">',
      `<fieldset><legend>${escapeHtml(words.channels)}</legend>${channels.join('')}</fieldset>`,
      `<fieldset><legend>${escapeHtml(words.purposes)}</legend>${purposes.join('')}</fieldset>`,
      `<label for="language">${escapeHtml(words.language)}</label><select id="language" name="language">${languages.join('')}</select>`,
      `<button type="submit">${escapeHtml(words.save)}</button></form>`,
    ]
      .filter(Boolean)
      .join('\n'),
    STYLE,
  );
}
