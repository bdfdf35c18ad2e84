import { Alert, Badge, Button, Code, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmAction } from './ConfirmAction';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import {
  integrationsApi,
  webhookQueryKeys,
  type WebhookEndpointInput,
  type WebhookEndpointView,
  type WebhookKind,
} from '../api/integrationsApi';
import { webhookEventLabel, webhookWords } from '../utils/webhookWords';
import { WebhookDeliveryLog } from './WebhookDeliveryLog';
import { WebhookEndpointForm } from './WebhookEndpointForm';

const KIND_COLORS: Record<WebhookKind, string> = { webhook: 'blue', fhir: 'grape', hl7: 'teal' };

/** The endpoint as it is, switched on or off: its Authorization header left out, so the API keeps it. */
const inputOf = (endpoint: WebhookEndpointView, enabled: boolean): WebhookEndpointInput => ({
  kind: endpoint.kind,
  url: endpoint.url,
  events: endpoint.events,
  description: endpoint.description,
  enabled,
});

/**
 * One endpoint of the clinic (issue 19): its kind, URL, events and whether it is on; why it turned itself off
 * (its messages failed for 24 hours) with a way to turn it on again; its edit form, a new secret and removal,
 * each asked first where it breaks the receiver; and its delivery log, opened on demand.
 */
export function WebhookEndpointCard({
  endpoint,
  onDirtyChange,
}: {
  endpoint: WebhookEndpointView;
  onDirtyChange?: (formKey: string, dirty: boolean) => void;
}) {
  const t = useMessages();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState<'remove' | 'new-secret' | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [logOpen, setLogOpen] = useState(false);

  const show = (next: WebhookEndpointView) =>
    queryClient.setQueryData<WebhookEndpointView[]>(webhookQueryKeys.endpoints, (list) =>
      list?.map((e) => (e.id === next.id ? next : e)),
    );
  const turn = useMutation({
    mutationFn: (enabled: boolean) =>
      integrationsApi.webhooks.update(endpoint.id, inputOf(endpoint, enabled)),
    onSuccess: show,
  });
  const remove = useMutation({
    mutationFn: () => integrationsApi.webhooks.remove(endpoint.id),
    onSuccess: () => {
      queryClient.setQueryData<WebhookEndpointView[]>(webhookQueryKeys.endpoints, (list) =>
        list?.filter((e) => e.id !== endpoint.id),
      );
      queryClient.removeQueries({ queryKey: webhookQueryKeys.messages(endpoint.id) });
    },
  });
  const newSecret = useMutation({
    mutationFn: () => integrationsApi.webhooks.newSecret(endpoint.id),
    onSuccess: (answer) => {
      setSecret(answer.secret);
      setConfirming(null);
    },
  });

  const url = endpoint.url;
  const logId = `webhook-log-${endpoint.id}`;
  const actionError = turn.error ?? remove.error ?? newSecret.error;
  return (
    <Paper withBorder p="sm" component="article" aria-label={url} data-testid="webhook-endpoint">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs">
            <Badge color={KIND_COLORS[endpoint.kind]} variant="light">
              {t[webhookWords.badge[endpoint.kind]]}
            </Badge>
            <Code>{url}</Code>
          </Group>
          <Switch
            label={t.webhooksEnabled}
            aria-label={formatMessage(t.webhooksEnabledOf, { url })}
            checked={endpoint.enabled}
            disabled={turn.isPending}
            onChange={(e) => turn.mutate(e.currentTarget.checked)}
          />
        </Group>
        {endpoint.description && <Text fw={500}>{endpoint.description}</Text>}
        <Text size="sm" c="dimmed">
          {formatMessage(t.webhooksEventsList, {
            events: endpoint.events.map((event) => webhookEventLabel(t, event)).join(' · '),
          })}
        </Text>
        {endpoint.kind === 'fhir' && endpoint.hasAuthorization && (
          <Text size="sm" c="dimmed">
            {t.webhooksAuthorizationKeptShort}
          </Text>
        )}
        {!endpoint.enabled && endpoint.disabledReason && (
          <Alert color="orange" title={t.webhooksTurnedOffTitle} data-testid="webhook-turned-off">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{formatMessage(t.webhooksTurnedOff, { reason: endpoint.disabledReason })}</Text>
              <Button
                size="xs"
                loading={turn.isPending}
                aria-label={formatMessage(t.webhooksTurnOnAgainOf, { url })}
                onClick={() => turn.mutate(true)}
              >
                {t.webhooksTurnOnAgain}
              </Button>
            </Stack>
          </Alert>
        )}
        {editing ? (
          <WebhookEndpointForm
            endpoint={endpoint}
            formKey={endpoint.id}
            onDirtyChange={onDirtyChange}
            onSaved={(saved) => {
              show(saved);
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              aria-label={formatMessage(t.webhooksEditOf, { url })}
              onClick={() => setEditing(true)}
            >
              {t.webhooksEdit}
            </Button>
            {endpoint.kind === 'webhook' && (
              <Button
                size="xs"
                variant="default"
                aria-label={formatMessage(t.webhooksNewSecretOf, { url })}
                onClick={() => setConfirming('new-secret')}
              >
                {t.webhooksNewSecret}
              </Button>
            )}
            <Button
              size="xs"
              variant="default"
              color="red"
              aria-label={formatMessage(t.webhooksRemoveOf, { url })}
              onClick={() => setConfirming('remove')}
            >
              {t.webhooksRemove}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              aria-expanded={logOpen}
              aria-controls={logOpen ? logId : undefined}
              aria-label={formatMessage(t.webhooksLogOf, { url })}
              onClick={() => setLogOpen((open) => !open)}
            >
              {t.webhooksLog}
            </Button>
          </Group>
        )}
        {confirming === 'remove' && (
          <ConfirmAction
            label={formatMessage(t.webhooksRemoveOf, { url })}
            question={t.webhooksRemoveConfirm}
            action={t.webhooksRemove}
            pending={remove.isPending}
            onConfirm={() => remove.mutate()}
            onCancel={() => setConfirming(null)}
          />
        )}
        {confirming === 'new-secret' && (
          <ConfirmAction
            label={formatMessage(t.webhooksNewSecretOf, { url })}
            question={t.webhooksNewSecretConfirm}
            action={t.webhooksNewSecret}
            pending={newSecret.isPending}
            onConfirm={() => newSecret.mutate()}
            onCancel={() => setConfirming(null)}
          />
        )}
        {secret && (
          <Alert color="green" title={t.webhooksSecretCreated} data-testid="new-webhook-secret">
            <Code block>{secret}</Code>
          </Alert>
        )}
        {actionError && (
          <Text c="red" role="alert">
            {actionError.message}
          </Text>
        )}
        {logOpen && (
          <div id={logId}>
            <WebhookDeliveryLog endpoint={endpoint} />
          </div>
        )}
      </Stack>
    </Paper>
  );
}
