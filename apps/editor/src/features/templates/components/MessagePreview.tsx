import { Paper, Text, Title } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import type { MessagePreview as Preview, TemplateChannel } from '../api/templatesApi';
import { ListenToScript } from './ListenToScript';
import { PreviewText } from './PreviewText';
import { SmsCounter } from './SmsCounter';
import { UnicodeCharacters } from './UnicodeCharacters';

/**
 * A message as the sample patient gets it: the rendered subject and text (for an SMS with its part counter and
 * the characters that force Unicode, with their fix), the template engine's errors, and for a call a button
 * to hear it. The templates page and the flow's message steps show the same.
 */
export function MessagePreview({
  channel,
  language,
  body,
  preview,
  onReplaceBody,
}: {
  channel: TemplateChannel;
  language: string;
  /** The text as written (the GSM fix changes it). */
  body: string;
  preview: Preview | undefined;
  onReplaceBody: (body: string) => void;
}) {
  const t = useMessages();
  return (
    <Paper withBorder p="sm">
      <Title order={5}>{channel === 'voice' ? t.templateSpokenPreview : t.templatePreview}</Title>
      {preview?.subject && <Text fw={600}>{preview.subject}</Text>}
      {preview?.text && <PreviewText text={preview.text} sms={channel === 'sms'} />}
      {preview?.errors.map((error, i) => (
        <Text key={i} c="red" size="sm" role="alert">
          {error.message}
        </Text>
      ))}
      {channel === 'sms' && <SmsCounter preview={preview} />}
      {channel === 'sms' && body && (
        <UnicodeCharacters body={body} rendered={preview?.text} onReplace={onReplaceBody} />
      )}
      {channel === 'voice' && <ListenToScript text={preview?.text ?? undefined} language={language} />}
    </Paper>
  );
}
