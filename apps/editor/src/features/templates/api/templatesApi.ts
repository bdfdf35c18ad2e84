import type {
  MessagePreview,
  previewSchema,
  TemplateDraft,
  TemplatePage,
  TemplateView,
} from '@clinicflow/contract';
import type { z } from 'zod';
import { apiFetch } from '../../../api/apiClient';

/** The templates' wire types: the shared contract's (libs/contract). */
export type {
  Channel as TemplateChannel,
  MessagePreview,
  TemplateDraft as TemplateInput,
  TemplateVariant,
  TemplateView as Template,
} from '@clinicflow/contract';

/** What `POST /api/messages/preview` takes (api.md). */
export type PreviewRequest = z.input<typeof previewSchema>;

export const templatesApi = {
  list: () => apiFetch<TemplatePage>('/templates?pageSize=100'),
  create: (template: TemplateDraft) =>
    apiFetch<TemplateView>('/templates', { method: 'POST', body: template }),
  replace: (id: string, template: TemplateDraft) =>
    apiFetch<TemplateView>(`/templates/${id}`, { method: 'PUT', body: template }),
  preview: (input: PreviewRequest) =>
    apiFetch<MessagePreview>('/messages/preview', { method: 'POST', body: input }),
};
