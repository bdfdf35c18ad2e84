import { Badge, Button, Code, Group, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useClinicClock } from '../../../clock';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import {
  integrationsApi,
  webhookQueryKeys,
  type WebhookEndpointView,
  type WebhookMessageStatus,
  type WebhookMessageView,
} from '../api/integrationsApi';
import { webhookEventLabel, webhookWords } from '../utils/webhookWords';

const STATUS_COLORS: Record<WebhookMessageStatus, string> = {
  delivered: 'green',
  pending: 'blue',
  failed: 'red',
};

/**
 * An endpoint's delivery log (issue 19), newest first: when each event happened (clinic time), what it was,
 * how its delivery stands (and when the next try is), how many attempts it took, the last attempt's answer (the
 * HTTP status, or why there was none: a network error, an MLLP `ACK AE`) and latency; and "Resend".
 */
export function WebhookDeliveryLog({ endpoint }: { endpoint: WebhookEndpointView }) {
  const t = useMessages();
  const clock = useClinicClock();
  const queryClient = useQueryClient();
  const messages = useQuery({
    queryKey: webhookQueryKeys.messages(endpoint.id),
    queryFn: () => integrationsApi.webhooks.messages(endpoint.id),
  });
  const resend = useMutation({
    mutationFn: (messageId: string) => integrationsApi.webhooks.resend(endpoint.id, messageId),
    onSuccess: (again) =>
      queryClient.setQueryData<WebhookMessageView[]>(webhookQueryKeys.messages(endpoint.id), (list) =>
        list?.map((m) => (m.id === again.id ? again : m)),
      ),
  });
  const url = endpoint.url;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={5}>{t.webhooksLog}</Title>
        <Button
          variant="default"
          size="xs"
          aria-label={formatMessage(t.webhooksRefreshLogOf, { url })}
          loading={messages.isFetching}
          onClick={() => void messages.refetch()}
        >
          {t.webhooksRefresh}
        </Button>
      </Group>
      {messages.isPending && <Loader size="sm" aria-label={t.settingsLoading} />}
      {messages.error && (
        <Text c="red" role="alert">
          {messages.error.message}
        </Text>
      )}
      {resend.error && (
        <Text c="red" role="alert">
          {resend.error.message}
        </Text>
      )}
      {messages.data?.length === 0 && <Text c="dimmed">{t.webhooksLogNone}</Text>}
      {messages.data && messages.data.length > 0 && (
        <Table withTableBorder captionSide="top" data-testid="webhook-messages">
          <Table.Caption style={{ textAlign: 'left' }}>{t.webhooksLogCaption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.webhooksAt}</Table.Th>
              <Table.Th scope="col">{t.webhooksEvent}</Table.Th>
              <Table.Th scope="col">{t.webhooksStatus}</Table.Th>
              <Table.Th scope="col">{t.webhooksAttempts}</Table.Th>
              <Table.Th scope="col">{t.webhooksAnswer}</Table.Th>
              <Table.Th scope="col">{t.webhooksLatency}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t.webhooksResend}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {messages.data.map((message) => {
              const last = message.attempts.at(-1);
              const at = clock?.dateTime(message.createdAt) ?? '';
              const event = webhookEventLabel(t, message.type);
              return (
                <Table.Tr key={message.id} data-testid="webhook-message">
                  <Table.Th scope="row" fw="normal">
                    {at}
                  </Table.Th>
                  <Table.Td>{event}</Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <Badge color={STATUS_COLORS[message.status]} variant="light">
                        {t[webhookWords.status[message.status]]}
                      </Badge>
                      {message.status === 'pending' && message.nextAttemptAt && (
                        <Text size="xs">
                          {formatMessage(t.webhooksNextTry, {
                            time: clock?.dateTime(message.nextAttemptAt) ?? '',
                          })}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>{message.attempts.length}</Table.Td>
                  <Table.Td>
                    {last && (
                      <Group gap={4}>
                        {last.statusCode !== null && <Code>{last.statusCode}</Code>}
                        {last.error && <Text size="sm">{last.error}</Text>}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {last ? formatMessage(t.webhooksLatencyMs, { ms: last.latencyMs }) : ''}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-label={formatMessage(t.webhooksResendOf, { event, time: at })}
                      loading={resend.isPending && resend.variables === message.id}
                      onClick={() => resend.mutate(message.id)}
                    >
                      {t.webhooksResend}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
