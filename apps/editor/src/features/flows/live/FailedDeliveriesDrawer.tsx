import { Alert, Drawer, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useClinicClock } from '../../../clock';
import { useMessages } from '../../../i18n/useMessages';
import { useReasonWords } from '../../../i18n/useReasonWords';
import { errorInWords } from '../../report/utils/deliveryWords';
import { formatMessage } from '../utils/formatMessage';
import { flowActivityApi } from './flowActivityApi';

/** The failed messages of one step on the overlay's day, each with who it was for and why it failed. */
export function FailedDeliveriesDrawer({
  flowId,
  day,
  nodeId,
  failedCount,
  stepName,
  onClose,
}: {
  flowId: string;
  day: string | null;
  nodeId: string | null;
  /** The step's failed count: a new failure fetches the list again. */
  failedCount: number;
  stepName: (nodeId: string) => string;
  onClose: () => void;
}) {
  const t = useMessages();
  const clock = useClinicClock();
  const say = useReasonWords();
  const query = useQuery({
    queryKey: ['flow-failed', flowId, day, failedCount],
    queryFn: () => flowActivityApi.failed(flowId, day!),
    enabled: nodeId !== null && day !== null,
  });
  const items = (query.data?.items ?? []).filter((delivery) => delivery.nodeId === nodeId);
  return (
    <Drawer
      opened={nodeId !== null}
      onClose={onClose}
      position="right"
      title={formatMessage(t.flowLiveFailedTitle, { step: nodeId ? stepName(nodeId) : '' })}
      closeButtonProps={{ 'aria-label': t.close }}
    >
      {query.isLoading && <Loader size="sm" />}
      {query.error && (
        <Alert color="red" role="alert">
          {query.error.message}
        </Alert>
      )}
      {query.isSuccess && items.length === 0 && <Text size="sm">{t.flowLiveFailedNone}</Text>}
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t.flowLiveFailed}>
        {items.map((delivery) => (
          <li key={delivery.id} data-testid="failed-delivery">
            <Text size="sm" fw={600}>
              {delivery.recipient.name ?? delivery.recipient.address ?? delivery.recipient.type} ·{' '}
              {clock?.dateTime(delivery.sendAt) ?? ''}
            </Text>
            <Text size="sm" c="red.8">
              {delivery.error
                ? errorInWords(t, delivery.error)
                : (say(delivery.why, delivery.reason) ?? t.flowLiveNoReason)}
            </Text>
          </li>
        ))}
      </Stack>
    </Drawer>
  );
}
