import { renderTemplate, type RenderSettings } from '../templates/render-template';
import type { MessageContext } from '../templates/message-context';
import type { TemplateProblem } from '../templates/template-problem';

/** An e-mail template: subject, and HTML and/or plain text (the missing one is derived). */
export interface EmailTemplate {
  subject: string;
  html?: string;
  text?: string;
}

/** Where the e-mail's unsubscribe and open-tracking links point (C6, T3). */
export interface EmailLinks {
  /** An https URL for one-click unsubscribe (RFC 8058) and/or a mailto: address. */
  unsubscribeUrl?: string;
  unsubscribeMailto?: string;
  /** The URL of a 1×1 image that records the opening of this message. */
  openTrackingPixelUrl?: string;
}

/** A composed e-mail, ready for a provider. */
export interface ComposedEmail {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

/** A problem in the e-mail, with the part ("template.subject", "template.html", "template.text"). */
export type EmailProblem = TemplateProblem & { path: string };

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  '#x27': "'",
  nbsp: ' ',
  '#x3D': '=',
  '#x60': '`',
};

/** Plain text from HTML: line breaks for blocks and <br>, links kept as "text (url)", entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(style|script|head)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, label: string) =>
      label.replace(/<[^>]+>/g, '').trim() === href ? href : `${label} (${href})`,
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|table)>/gi, '\n')
    .replace(/<li[^>]*>/gi, '- ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#?\w+);/g, (match, entity: string) => ENTITIES[entity] ?? match)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** HTML from plain text: escaped, paragraphs on blank lines, <br> on single line breaks. */
export function textToHtml(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  return escaped
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

function addPixel(html: string, url: string): string {
  const pixel = `<img src="${url.replace(/"/g, '&quot;')}" width="1" height="1" alt="" style="display:none">`;
  return /<\/body>/i.test(html) ? html.replace(/<\/body>/i, `${pixel}</body>`) : `${html}\n${pixel}`;
}

/** The List-Unsubscribe headers (RFC 2369, one-click RFC 8058) for the given links. */
export function unsubscribeHeaders(links: EmailLinks): Record<string, string> {
  const targets = [
    links.unsubscribeUrl,
    links.unsubscribeMailto && `mailto:${links.unsubscribeMailto.replace(/^mailto:/, '')}`,
  ]
    .filter((target): target is string => Boolean(target))
    .map((target) => `<${target}>`);
  if (targets.length === 0) return {};
  const headers: Record<string, string> = { 'List-Unsubscribe': targets.join(', ') };
  if (links.unsubscribeUrl?.startsWith('https://'))
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  return headers;
}

/** Composes an e-mail: subject and text unescaped, HTML with escaped values, headers and open pixel. */
export function composeEmail(
  template: EmailTemplate,
  context: MessageContext,
  settings: RenderSettings,
  links: EmailLinks = {},
): { ok: true; email: ComposedEmail } | { ok: false; problems: EmailProblem[] } {
  const problems: EmailProblem[] = [];
  const part = (path: string, source: string | undefined, escape: boolean): string | undefined => {
    if (source === undefined) return undefined;
    const result = renderTemplate(source, context, { ...settings, escape });
    if (result.ok) return result.text;
    problems.push(...result.problems.map((problem) => ({ ...problem, path })));
    return undefined;
  };
  const subject = part('template.subject', template.subject, false);
  const html = part('template.html', template.html, true);
  const text = part('template.text', template.text, false);
  if (problems.length > 0) return { ok: false, problems };
  if (html === undefined && text === undefined) {
    return {
      ok: false,
      problems: [
        { code: 'syntax', message: 'The e-mail has no text.', path: 'template.text', line: 1, column: 1 },
      ],
    };
  }
  const body = html ?? textToHtml(text as string);
  return {
    ok: true,
    email: {
      subject: (subject as string).replace(/\s*\n\s*/g, ' ').trim(),
      html: links.openTrackingPixelUrl ? addPixel(body, links.openTrackingPixelUrl) : body,
      text: text ?? htmlToText(html as string),
      headers: unsubscribeHeaders(links),
    },
  };
}
