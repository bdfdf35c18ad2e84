import type { Response } from 'express';

/** The languages of the patient's pages (docs/patient-links.md). */
export const PAGE_LANGUAGES = ['fr', 'en', 'es', 'nb', 'it', 'de'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

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

/** Text as HTML shows it, never as markup. */
export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * A small page of ours: no script, no request elsewhere, readable on a phone; `style` adds its own rules. No
 * referrer: the page's address holds its link's token, which a site it links to must not learn.
 */
export function page(language: PageLanguage, title: string, body: string, style = ''): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1a1b1e;line-height:1.5}
h1{font-size:1.4rem}
button{font:inherit;padding:.7rem 1.2rem;border:0;border-radius:.4rem;background:#1971c2;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #1a1b1e;outline-offset:2px}
${style}</style>
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

/** Answers a page of ours: never kept by a cache (it shows a patient's appointment). */
export function pageAnswer(response: Response, status: number, html: string): void {
  response.status(status).type('html').set('Cache-Control', 'no-store, private').send(html);
}
