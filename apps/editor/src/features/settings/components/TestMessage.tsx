import { deliveryOutcomeOf, type DeliveryOutcome, type DeliveryStatus } from '@clinicflow/contract';
import { Alert, Button, Group, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatMessage } from '../../flows/utils/formatMessage';
import { channelLabel } from '../../../i18n/channelWords';
import { useMessages } from '../../../i18n/useMessages';
import { settingsApi, type Channel, type TestDelivery } from '../api/settingsApi';

/** The delivery is still with the dispatcher: follow it. */
const waiting = (status: DeliveryStatus | undefined) =>
  deliveryOutcomeOf(status ?? 'scheduled') === 'pending';

/**
 * "Send a test message" (C7): one message to a staff number or address through the same queue as the
 * reminders; the delivery is followed until the dispatcher is done with it, and its outcome said in words.
 */
export function TestMessage({
  channel,
  clinicName,
  testMode,
}: {
  channel: Channel;
  clinicName: string;
  testMode: boolean;
}) {
  const t = useMessages();
  const [to, setTo] = useState('');
  const send = useMutation({
    mutationFn: () =>
      settingsApi.sendTest(
        channel,
        to.trim(),
        formatMessage(t.settingsTestMessageText, { clinic: clinicName }),
        channel === 'email' ? formatMessage(t.settingsTestMessageSubject, { clinic: clinicName }) : undefined,
      ),
  });
  const followed = useQuery({
    queryKey: ['test-delivery', send.data?.id],
    queryFn: () => settingsApi.delivery(send.data!.id),
    enabled: !!send.data,
    refetchInterval: (query) => (waiting(query.state.data?.status) ? 2000 : false),
  });
  const delivery = followed.data ?? send.data;
  return (
    <div>
      <Group align="flex-end">
        <TextInput
          label={channel === 'email' ? t.settingsTestAddress : t.settingsTestNumber}
          placeholder={channel === 'email' ? 'accueil@example.fr' : '+33612345678'}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={send.error?.message}
          w={260}
        />
        <Button variant="light" onClick={() => send.mutate()} loading={send.isPending} disabled={!to.trim()}>
          {`${t.settingsSendTest} (${channelLabel(t, channel)})`}
        </Button>
      </Group>
      {delivery && (
        <Alert mt="xs" role="status" color={outcomeColour(delivery)} data-testid={`test-message-${channel}`}>
          {describe(delivery, t)}
          {testMode && ` ${t.settingsTestModeNothingLeaves}`}
        </Alert>
      )}
    </div>
  );
}

const colours: Record<DeliveryOutcome, string> = {
  pending: 'blue',
  sent: 'green',
  failed: 'red',
  stopped: 'red',
};

function outcomeColour(delivery: TestDelivery) {
  return colours[deliveryOutcomeOf(delivery.status)];
}

function describe(delivery: TestDelivery, t: ReturnType<typeof useMessages>) {
  const reason = delivery.error?.reason ?? delivery.reason ?? '';
  switch (delivery.status) {
    case 'scheduled':
    case 'retrying':
    case 'sending':
      return t.settingsTestWaiting;
    case 'sent':
      return t.settingsTestSent;
    case 'delivered':
    case 'answered':
      return t.settingsTestDelivered;
    case 'read':
      return t.settingsTestRead;
    default:
      return formatMessage(t.settingsTestNotSent, { reason: reason || delivery.status });
  }
}
