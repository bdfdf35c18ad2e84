import { Alert, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SetAsideEvent } from '@clinicflow/contract';
import { formatMessage } from '../../flows/utils/formatMessage';
import { useClinicClock } from '../../../clock';
import { useMessages } from '../../../i18n/useMessages';
import { settingsApi } from '../api/settingsApi';

/**
 * The events the engine set aside after about two hours of failures (their reminders are not planned), each
 * with "Process again" for when the cause is fixed. Shown only when there are some.
 */
export function SetAsideEvents({ count, items }: { count: number; items: SetAsideEvent[] }) {
  const t = useMessages();
  const clock = useClinicClock();
  const queryClient = useQueryClient();
  const again = useMutation({
    mutationFn: settingsApi.processEventAgain,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['service-status'] }),
  });
  if (count === 0) return null;
  return (
    <Alert
      color="orange"
      mt="sm"
      title={formatMessage(t.settingsSetAsideTitle, { count })}
      data-testid="events-set-aside"
    >
      <Text size="sm">{t.settingsSetAsideHelp}</Text>
      {again.error && (
        <Text c="red" size="sm" role="alert">
          {again.error.message}
        </Text>
      )}
      <Table mt="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.settingsSetAsideEvent}</Table.Th>
            <Table.Th scope="col">{t.settingsSetAsideReceived}</Table.Th>
            <Table.Th scope="col">{t.settingsSetAsideAttempts}</Table.Th>
            <Table.Th scope="col">{t.settingsSetAsideError}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t.settingsSetAsideAgain}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((event) => (
            <Table.Tr key={`${event.id}-${event.setAsideAt}`}>
              <Table.Td>
                {event.type ?? '—'}{' '}
                <Text span c="dimmed" size="xs">
                  {event.id ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>{clock?.dateTime(event.receivedAt) ?? ''}</Table.Td>
              <Table.Td>{event.attempts}</Table.Td>
              <Table.Td>{event.lastError ?? '—'}</Table.Td>
              <Table.Td>
                {event.id && (
                  <Button
                    size="xs"
                    variant="light"
                    loading={again.isPending && again.variables === event.id}
                    onClick={() => again.mutate(event.id!)}
                    aria-label={`${t.settingsSetAsideAgain}: ${event.id}`}
                  >
                    {t.settingsSetAsideAgain}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {count > items.length && (
        <Text size="xs" c="dimmed">
          {formatMessage(t.settingsSetAsideMore, { count: count - items.length })}
        </Text>
      )}
    </Alert>
  );
}
