import { apiFetch } from '../../../api/apiClient';

export type TemplateChannel = 'sms' | 'email' | 'voice';

/** The text of a template in one language (subject and HTML for e-mail). */
export interface TemplateVariant {
  subject?: string;
  body: string;
  html?: string;
}

/** A template as the API stores it (`/api/templates`). */
export interface TemplateInput {
  name: string;
  channel: TemplateChannel;
  purpose: string;
  variants: Partial<Record<string, TemplateVariant>>;
  sender?: { smsSenderName?: string; emailFromName?: string; emailFromAddress?: string };
}

export interface Template extends TemplateInput {
  id: string;
  updatedAt: string;
  updatedBy: string;
}

/** `POST /api/messages/preview` answer (api.md). */
export interface MessagePreview {
  text: string | null;
  subject: string | null;
  encoding?: 'GSM-7' | 'UCS-2';
  characters?: number;
  segments?: number;
  credits?: number;
  errors: { path: string; message: string }[];
}

export const templatesApi = {
  list: () => apiFetch<{ items: Template[]; total: number }>('/templates?pageSize=100'),
  create: (template: TemplateInput) => apiFetch<Template>('/templates', { method: 'POST', body: template }),
  replace: (id: string, template: TemplateInput) =>
    apiFetch<Template>(`/templates/${id}`, { method: 'PUT', body: template }),
  preview: (input: { channel: TemplateChannel; template: TemplateVariant; language: string }) =>
    apiFetch<MessagePreview>('/messages/preview', { method: 'POST', body: input }),
};
