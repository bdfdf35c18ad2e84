import { Group, Text } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import type { MessagePreview } from '../api/templatesApi';
import { formatMessage } from '../../flows/utils/formatMessage';

/** Characters, segments and credits of the rendered SMS (C4), with the encoding that decides them. */
export function SmsCounter({ preview }: { preview: MessagePreview | undefined }) {
  const t = useMessages();
  if (!preview || preview.characters === undefined) return null;
  const limit =
    preview.encoding === 'UCS-2' ? (preview.segments! > 1 ? 67 : 70) : preview.segments! > 1 ? 153 : 160;
  return (
    <Group gap="md" aria-live="polite" data-testid="sms-counter">
      <Text size="sm">{formatMessage(t.smsCharacters, { count: preview.characters })}</Text>
      <Text size="sm">{formatMessage(t.smsSegments, { count: preview.segments ?? 0, limit })}</Text>
      <Text size="sm">{formatMessage(t.smsCredits, { count: preview.credits ?? 0 })}</Text>
      <Text size="sm" c={preview.encoding === 'UCS-2' ? 'orange' : 'dimmed'}>
        {preview.encoding === 'UCS-2' ? t.smsUnicode : t.smsGsm}
      </Text>
    </Group>
  );
}
