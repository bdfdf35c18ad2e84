import { DELIVERY_OUTCOMES } from '@clinicflow/contract';
import { Anchor, Group, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import { batchSendApi, type BatchSend } from '../api/batchSendApi';

const pollMs = 1_000;

/** The batch's messages whose status counts as `outcome`. */
function countOf(batch: BatchSend, outcome: keyof typeof DELIVERY_OUTCOMES) {
  return DELIVERY_OUTCOMES[outcome].reduce((sum, status) => sum + (batch.progress.byStatus[status] ?? 0), 0);
}

/** Finished, well or not (handed over, failed, stopped), out of the batch's messages. */
function doneOf(batch: BatchSend) {
  return batch.progress.total - countOf(batch, 'pending');
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
  // Done means handed over only for those the provider took: the others are said apart, never counted in.
  const sent = countOf(data, 'sent');
  const notSent = done - sent;
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
          {finished
            ? formatMessage(t.batchDone, { sent, total: data.progress.total })
            : formatMessage(t.batchSending, { done, total: data.progress.total })}
        </Text>
        {notSent > 0 && (
          <Text size="sm" c="red" data-testid="batch-not-sent">
            {formatMessage(t.batchNotSent, { count: notSent })}
          </Text>
        )}
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
