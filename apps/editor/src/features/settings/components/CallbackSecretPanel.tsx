import { Alert, Button, CopyButton, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmAction } from './ConfirmAction';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import { settingsApi } from '../api/settingsApi';

const QUERY_KEY = ['settings', 'callback-secret'];

/**
 * The secret the clinic's sandbox callbacks are signed with (what a provider's console or a test script
 * needs): shown on demand, copied in one click, regenerated after a confirmation. Managers only: for anyone
 * else the API answers 403 and the panel says so.
 */
export function CallbackSecretPanel({ clinicId }: { clinicId: string }) {
  const t = useMessages();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const secret = useQuery({ queryKey: QUERY_KEY, queryFn: settingsApi.callbackSecret, retry: false });
  const regenerate = useMutation({
    mutationFn: settingsApi.regenerateCallbackSecret,
    onSuccess: (answer) => {
      client.setQueryData(QUERY_KEY, answer);
      setConfirming(false);
    },
  });
  return (
    <Paper withBorder p="md" data-testid="callback-secret">
      <Stack gap="xs">
        <Title order={4}>{t.callbackSecretTitle}</Title>
        <Text size="sm" c="dimmed">
          {formatMessage(t.callbackSecretHint, { clinicId })}
        </Text>
        {secret.isError && <Text size="sm">{t.callbackSecretUnavailable}</Text>}
        {secret.data && (
          <Group align="flex-end" gap="xs">
            <PasswordInput
              label={t.callbackSecretTitle}
              value={secret.data.secret}
              readOnly
              w={420}
              styles={{ input: { fontFamily: 'monospace' } }}
            />
            <CopyButton value={secret.data.secret}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t.callbackSecretCopied : t.callbackSecretCopy}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" color="red" onClick={() => setConfirming(true)}>
              {t.callbackSecretRegenerate}
            </Button>
          </Group>
        )}
        {confirming && (
          <ConfirmAction
            question={t.callbackSecretRegenerateConfirm}
            action={t.callbackSecretRegenerate}
            pending={regenerate.isPending}
            onConfirm={() => regenerate.mutate()}
            onCancel={() => setConfirming(false)}
          />
        )}
        {regenerate.error && (
          <Alert role="alert" color="red">
            {regenerate.error.message}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
