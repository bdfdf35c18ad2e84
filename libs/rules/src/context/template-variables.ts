/** One `{{…}}` reference found in a template. */
export interface TemplateVariable {
  path: string;
  helper: string | null;
}

const mustache = /{{{?([^{}]*)}?}}/g;
const pathLike = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/;
const keywords = new Set(['else', 'this', 'true', 'false', 'null', 'undefined']);

/** Splits a mustache's inside into words, keeping quoted strings whole. */
function words(inside: string): string[] {
  return inside.match(/"[^"]*"|'[^']*'|[^\s]+/g) ?? [];
}

/**
 * Lists the data paths a Handlebars-style template reads: `{{patient.firstName}}`, `{{date appointment.start "EEEE"}}`,
 * `{{#if service.notes}}`. A simple scan, enough to check the variables exist; the channels library renders.
 */
export function templateVariables(template: string): TemplateVariable[] {
  const found: TemplateVariable[] = [];
  for (const match of template.matchAll(mustache)) {
    let inside = (match[1] ?? '').trim().replace(/^~|~$/g, '').trim();
    if (inside.startsWith('!') || inside.startsWith('/') || inside.startsWith('>')) continue;
    inside = inside.replace(/^[#^]/, '');
    const parts = words(inside);
    if (parts.length === 0) continue;
    const [first, ...rest] = parts;
    const args = parts.length === 1 ? [first] : rest;
    const helper = parts.length === 1 ? null : first;
    for (const arg of args) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg;
      if (!pathLike.test(value) || keywords.has(value)) continue;
      found.push({ path: value, helper });
    }
  }
  return found;
}
