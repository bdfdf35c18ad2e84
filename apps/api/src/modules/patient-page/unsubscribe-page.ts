/** The languages of the patient's pages (docs/patient-links.md). */
export const PAGE_LANGUAGES = ['fr', 'en', 'es', 'nb', 'it', 'de'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

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

/** The page's language: the message's if it has one of ours, else the first of the browser's we have, else English. */
export function pageLanguageOf(
  messageLanguage: string | null,
  acceptLanguage: string | undefined,
): PageLanguage {
  const ours = (tag: string | null | undefined) => {
    const base = tag?.trim().toLowerCase().split(/[-_;]/)[0];
    const known = base === 'no' || base === 'nn' ? 'nb' : base;
    return PAGE_LANGUAGES.find((language) => language === known);
  };
  return ours(messageLanguage) ?? (acceptLanguage ?? '').split(',').map(ours).find(Boolean) ?? 'en';
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** A small page of ours: no script, no request elsewhere, readable on a phone. */
function page(language: PageLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1a1b1e;line-height:1.5}
h1{font-size:1.4rem}
button{font:inherit;padding:.7rem 1.2rem;border:0;border-radius:.4rem;background:#1971c2;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #1a1b1e;outline-offset:2px}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

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
