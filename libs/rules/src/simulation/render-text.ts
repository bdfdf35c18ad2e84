import type { Channel, MessageTemplate } from '../flow/flow-parts.schema';

/** What the simulator asks the renderer for (the channels library provides the real one). */
export interface RenderTextInput {
  nodeId: string;
  channel: Channel;
  template: MessageTemplate;
  language: string;
  data: Record<string, unknown>;
}

/** Renders a message's text; may throw or return errors, which the timeline shows as the reason. */
export type RenderText = (input: RenderTextInput) => {
  text: string | null;
  subject?: string | null;
  errors?: Array<{ message: string }>;
};

function lookup(data: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      data,
    );
}

/** A stand-in renderer: fills plain `{{path}}` variables, leaves helpers as written; saved templates show their id. */
export const renderPlainText: RenderText = ({ template, language, data }) => {
  const text = template.byLanguage?.[language] ?? Object.values(template.byLanguage ?? {})[0];
  if (!text) return { text: template.templateId ? `[template ${template.templateId}]` : null };
  const fill = (source: string) =>
    source.replace(/{{\s*([A-Za-z_][\w.]*)\s*}}/g, (whole, path: string) => {
      const value = lookup(data, path);
      return value === undefined || value === null ? whole : String(value);
    });
  return { text: fill(text.body), subject: text.subject === undefined ? null : fill(text.subject) };
};
