import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { templatesApi, type TemplateChannel, type TemplateVariant } from '../api/templatesApi';

/** How long typing pauses before the preview and the SMS counter ask the API again. */
export const previewDelayMs = 250;

/**
 * The rendered text and the SMS counts for the sample patient, from `POST /api/messages/preview` (the very
 * code that sends), following the text as it is typed; the last answer stays shown while the next one comes.
 */
export function useMessagePreview(channel: TemplateChannel, language: string, variant: TemplateVariant) {
  // only what the preview renders: typing a WhatsApp Content SID asks for no new preview
  const { body, subject, html } = variant;
  const [input] = useDebouncedValue({ channel, language, template: { body, subject, html } }, previewDelayMs);
  return useQuery({
    queryKey: ['message-preview', input],
    queryFn: () => templatesApi.preview(input),
    enabled: input.template.body.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}
