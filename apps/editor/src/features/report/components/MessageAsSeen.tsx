import { Box, Paper, Stack, Text } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import type { DeliveryDetail } from '../api/reportApi';

/** The message as the recipient saw it: an SMS bubble, an e-mail's subject and body, or the call's script. */
export function MessageAsSeen({ delivery }: { delivery: DeliveryDetail }) {
  const t = useMessages();
  if (!delivery.text) return <Text c="dimmed">{t.drawerNoText}</Text>;
  if (delivery.channel === 'email')
    return (
      <Paper withBorder p="sm" data-testid="message-as-seen">
        <Text size="xs" c="dimmed">
          {t.drawerSubject}
        </Text>
        <Text fw={600} mb="xs">
          {delivery.subject}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {delivery.text}
        </Text>
      </Paper>
    );
  if (delivery.channel === 'voice')
    return (
      <Stack gap={4} data-testid="message-as-seen">
        <Text size="xs" c="dimmed">
          {t.drawerVoice}
        </Text>
        <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap' }}>
          « {delivery.text} »
        </Text>
      </Stack>
    );
  return (
    <Box
      data-testid="message-as-seen"
      maw={320}
      p="sm"
      bg="gray.1"
      style={{ borderRadius: '16px 16px 16px 4px', whiteSpace: 'pre-wrap' }}
    >
      <Text size="sm">{delivery.text}</Text>
    </Box>
  );
}
