import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../api/apiClient';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import { reportApi, type CreditsRetry as CreditsRetryAnswer } from '../api/reportApi';

/** How often the progress is asked again while the engine still has messages of the retry to send. */
const progressEveryMs = 2_000;

/**
 * "Retry all failed for credits" (S7): how many messages failed because the SMS credits ran out, one button that
 * sends them all again after a top-up, and how many are left while the engine sends them at its pace. Shows
 * nothing when no message waits for credits; the API's refusal (balance still empty) is shown as it says it.
 */
export function CreditsRetry() {
  const t = useMessages();
  const client = useQueryClient();
  const [answer, setAnswer] = useState<CreditsRetryAnswer | null>(null);
  const progress = useQuery({
    queryKey: ['credits-retries'],
    queryFn: reportApi.creditsRetryProgress,
    refetchInterval: (query) => ((query.state.data?.left ?? 0) > 0 ? progressEveryMs : false),
  });
  const retry = useMutation({
    mutationFn: reportApi.retryFailedForCredits,
    onSuccess: (retried) => {
      setAnswer(retried);
      client.setQueryData(['credits-retries'], { failed: retried.failed, left: retried.left });
      void client.invalidateQueries({ queryKey: ['deliveries'] });
      void client.invalidateQueries({ queryKey: ['delivery-summary'] });
    },
  });
  const counts = progress.data;
  if (!counts || (counts.failed === 0 && counts.left === 0 && !answer && !retry.error)) return null;
  const retried = Math.max(answer?.retried ?? 0, counts.left);
  const done = retried - counts.left;
  return (
    <Paper withBorder p="sm" component="section" aria-label={t.creditsRetryTitle}>
      <Stack gap="xs">
        <Title order={5}>{t.creditsRetryTitle}</Title>
        {counts.failed > 0 && (
          <Group justify="space-between">
            <Text size="sm" data-testid="credits-retry-failed">
              {formatMessage(t.creditsRetryFailed, { count: counts.failed })}
            </Text>
            <Button
              size="xs"
              leftSection={<IconRefresh size={14} />}
              onClick={() => retry.mutate()}
              loading={retry.isPending}
            >
              {formatMessage(t.creditsRetryButton, { count: counts.failed })}
            </Button>
          </Group>
        )}
        {counts.left > 0 && (
          <>
            <Text size="sm" role="status">
              {formatMessage(t.creditsRetryLeft, { left: counts.left, retried })}
            </Text>
            <Progress value={retried ? (done / retried) * 100 : 0} aria-label={t.creditsRetryTitle} />
          </>
        )}
        {counts.left === 0 && answer && answer.retried > 0 && (
          <Text size="sm" role="status" c="green.8">
            {formatMessage(t.creditsRetryDone, { retried: answer.retried })}
          </Text>
        )}
        {counts.failed === 0 && counts.left === 0 && answer?.retried === 0 && (
          <Text size="sm">{t.creditsRetryNone}</Text>
        )}
        {answer && answer.unpaid > 0 && (
          <Text size="sm" c="orange.8">
            {formatMessage(t.creditsRetryUnpaid, { count: answer.unpaid })}
          </Text>
        )}
        {retry.error && (
          <Alert color="red" role="alert" data-testid="credits-retry-refused">
            {retry.error instanceof ApiError ? retry.error.message : String(retry.error)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
