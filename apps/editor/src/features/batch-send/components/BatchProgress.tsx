import { DELIVERY_OUTCOMES } from '@clinicflow/contract';
import { Anchor, Group, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import { batchSendApi, type BatchSend } from '../api/batchSendApi';

/** Messages still on their way; the others are done, well or not. */
const pending = DELIVERY_OUTCOMES.pending;
const pollMs = 1_000;

/** Handed over to the provider (or finished otherwise), out of the batch's messages. */
function doneOf(batch: BatchSend) {
  const waiting = pending.reduce((sum, status) => sum + (batch.progress.byStatus[status] ?? 0), 0);
  return batch.progress.total - waiting;
}

/** The batch's progress bar, polled until no message is waiting, and the way to its messages in the report. */
export function BatchProgress({ created }: { created: BatchSend }) {
  const t = useMessages();
  const batch = useQuery({
    queryKey: ['batch-send', created.id],
    queryFn: () => batchSendApi.get(created.id),
    initialData: created,
    refetchInterval: (query) => {
      const data = query.state.data;
      return data && doneOf(data) >= data.progress.total ? false : pollMs;
    },
  });
  const data = batch.data;
  const done = doneOf(data);
  const total = Math.max(data.progress.total, 1);
  const finished = done >= data.progress.total;
  return (
    <Stack gap="xs" data-testid="batch-progress">
      <Progress
        value={(done / total) * 100}
        animated={!finished}
        aria-label={t.batchProgress}
        aria-valuenow={done}
        aria-valuemax={data.progress.total}
        size="lg"
      />
      <Group justify="space-between">
        <Text size="sm" role="status">
          {formatMessage(finished ? t.batchDone : t.batchSending, { done, total: data.progress.total })}
        </Text>
        {data.leftOut.length > 0 && (
          <Text size="sm" c="dimmed">
            {formatMessage(t.batchLeftOut, { count: data.leftOut.length })}
          </Text>
        )}
      </Group>
      <Anchor component={Link} to={`/report?batchId=${encodeURIComponent(data.id)}`}>
        {t.batchSeeReport}
      </Anchor>
    </Stack>
  );
}
