import { Alert, Button, Code, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import { integrationsApi, webhookQueryKeys, type CreatedWebhookEndpoint } from '../api/integrationsApi';
import { WebhookEndpointCard } from './WebhookEndpointCard';
import { WebhookEndpointForm } from './WebhookEndpointForm';

/**
 * The clinic's webhooks (issue 19, B8, docs/integrations.md "Webhooks out" and "Write-back"): how its events
 * reach its systems (signed per Standard Webhooks, retried for 24 hours, then the endpoint turned off), the
 * secret of its flows' webhook steps on demand, a form to add an endpoint (a webhook, or a PMS's FHIR server or
 * MLLP endpoint told of the patients' answers) whose secret is shown once, and the endpoints with their logs.
 */
export function WebhooksPanel({ onDirtyChange }: { onDirtyChange?: (dirty: boolean) => void }) {
  const t = useMessages();
  const queryClient = useQueryClient();
  const endpoints = useQuery({
    queryKey: webhookQueryKeys.endpoints,
    queryFn: integrationsApi.webhooks.list,
  });
  const [created, setCreated] = useState<CreatedWebhookEndpoint | null>(null);
  const [flowStepsShown, setFlowStepsShown] = useState(false);
  const flowStepsSecret = useQuery({
    queryKey: webhookQueryKeys.flowStepsSecret,
    queryFn: integrationsApi.webhooks.flowStepsSecret,
    enabled: flowStepsShown,
  });

  // the add form and each endpoint's edit form: unsaved while any of them is
  const [dirtyForms, setDirtyForms] = useState<Record<string, boolean>>({});
  const reportDirty = useCallback(
    (form: string, dirty: boolean) =>
      setDirtyForms((forms) => (Boolean(forms[form]) === dirty ? forms : { ...forms, [form]: dirty })),
    [],
  );
  const dirty = Object.values(dirtyForms).some(Boolean);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  return (
    <Paper withBorder p="md" component="section" aria-label={t.webhooksTitle} data-testid="webhooks-panel">
      <Stack>
        <Title order={3}>{t.webhooksTitle}</Title>
        <Text size="sm">{t.webhooksIntro}</Text>
        <Text size="sm">{t.webhooksWriteBackIntro}</Text>
        <Stack gap="xs" align="flex-start">
          <Button
            variant="default"
            size="xs"
            aria-expanded={flowStepsShown}
            loading={flowStepsShown && flowStepsSecret.isPending}
            onClick={() => setFlowStepsShown((shown) => !shown)}
          >
            {flowStepsShown ? t.webhooksHideFlowStepsSecret : t.webhooksShowFlowStepsSecret}
          </Button>
          {flowStepsShown && flowStepsSecret.data && (
            <Stack gap={4} data-testid="flow-steps-secret" w="100%">
              <Text size="sm">{t.webhooksFlowStepsSecret}</Text>
              <Code block>{flowStepsSecret.data.secret}</Code>
            </Stack>
          )}
          {flowStepsShown && flowStepsSecret.error && (
            <Text c="red" role="alert">
              {flowStepsSecret.error.message}
            </Text>
          )}
        </Stack>

        <Title order={4}>{t.webhooksAdd}</Title>
        <WebhookEndpointForm
          formKey="new"
          onDirtyChange={reportDirty}
          onSaved={(endpoint) => {
            setCreated(endpoint);
            void queryClient.invalidateQueries({ queryKey: webhookQueryKeys.endpoints, exact: true });
          }}
        />
        {created?.secret && (
          <Alert color="green" title={t.webhooksSecretCreated} data-testid="new-webhook-secret">
            <Stack gap={4}>
              <Code>{created.url}</Code>
              <Code block>{created.secret}</Code>
            </Stack>
          </Alert>
        )}

        <Title order={4}>{t.webhooksList}</Title>
        {endpoints.isPending && <Loader aria-label={t.settingsLoading} />}
        {endpoints.error && (
          <Text c="red" role="alert">
            {endpoints.error.message}
          </Text>
        )}
        {endpoints.data?.length === 0 && <Text c="dimmed">{t.webhooksNone}</Text>}
        {endpoints.data?.map((endpoint) => (
          <WebhookEndpointCard key={endpoint.id} endpoint={endpoint} onDirtyChange={reportDirty} />
        ))}
      </Stack>
    </Paper>
  );
}
