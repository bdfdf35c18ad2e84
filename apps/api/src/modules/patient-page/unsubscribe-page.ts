import { escapeHtml, page, type PageLanguage } from './page-layout';

interface UnsubscribeWords {
  title: string;
  question: (clinic: string) => string;
  button: string;
  done: (clinic: string) => string;
  again: string;
  invalid: string;
}

const WORDS: Record<PageLanguage, UnsubscribeWords> = {
  fr: {
    title: 'Désinscription des e-mails',
    question: (clinic) => `Ne plus recevoir d’e-mails de ${clinic} ?`,
    button: 'Me désinscrire',
    done: (clinic) => `C’est fait : vous ne recevrez plus d’e-mails de ${clinic}.`,
    again: 'Pour en recevoir de nouveau, dites-le au cabinet.',
    invalid: 'Ce lien n’est pas valide.',
  },
  en: {
    title: 'Unsubscribe from e-mails',
    question: (clinic) => `Stop receiving e-mails from ${clinic}?`,
    button: 'Unsubscribe',
    done: (clinic) => `Done: you will no longer receive e-mails from ${clinic}.`,
    again: 'To receive them again, tell the clinic.',
    invalid: 'This link is not valid.',
  },
  es: {
    title: 'Darse de baja de los correos',
    question: (clinic) => `¿Dejar de recibir correos de ${clinic}?`,
    button: 'Darme de baja',
    done: (clinic) => `Hecho: ya no recibirá correos de ${clinic}.`,
    again: 'Para volver a recibirlos, dígaselo a la clínica.',
    invalid: 'Este enlace no es válido.',
  },
  nb: {
    title: 'Meld deg av e-post',
    question: (clinic) => `Slutte å motta e-post fra ${clinic}?`,
    button: 'Meld meg av',
    done: (clinic) => `Ferdig: du får ikke lenger e-post fra ${clinic}.`,
    again: 'Si fra til klinikken hvis du vil få dem igjen.',
    invalid: 'Denne lenken er ikke gyldig.',
  },
  it: {
    title: 'Annulla l’iscrizione alle e-mail',
    question: (clinic) => `Non ricevere più e-mail da ${clinic}?`,
    button: 'Annulla l’iscrizione',
    done: (clinic) => `Fatto: non riceverai più e-mail da ${clinic}.`,
    again: 'Per riceverle di nuovo, dillo allo studio.',
    invalid: 'Questo link non è valido.',
  },
  de: {
    title: 'Von E-Mails abmelden',
    question: (clinic) => `Keine E-Mails mehr von ${clinic} erhalten?`,
    button: 'Abmelden',
    done: (clinic) => `Erledigt: Sie erhalten keine E-Mails mehr von ${clinic}.`,
    again: 'Wenn Sie sie wieder erhalten möchten, sagen Sie es der Praxis.',
    invalid: 'Dieser Link ist nicht gültig.',
  },
};

/** The question and its button: a POST, as RFC 8058's one-click (a link scanner's GET changes nothing). */
export function unsubscribeQuestion(language: PageLanguage, clinic: string): string {
  const words = WORDS[language];
  return page(
    language,
    words.title,
    `<p>${escapeHtml(words.question(clinic))}</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(words.button)}</button></form>`,
  );
}

/** What the patient reads once unsubscribed (also the answer to a mail provider's one-click POST). */
export function unsubscribeDone(language: PageLanguage, clinic: string): string {
  const words = WORDS[language];
  return page(
    language,
    words.title,
    `<p role="status">${escapeHtml(words.done(clinic))}</p>\n<p>${escapeHtml(words.again)}</p>`,
  );
}

/** A link that is not one of ours, or whose message no longer exists. */
export function invalidLink(language: PageLanguage): string {
  const words = WORDS[language];
  return page(language, words.title, `<p role="alert">${escapeHtml(words.invalid)}</p>`);
}
