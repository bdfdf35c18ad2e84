import { Badge, Group, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatMessage } from '../../flows/utils/formatMessage';
import { useClinicClock, type ClinicClock } from '../../../clock';
import { channelLabel } from '../../../i18n/channelWords';
import { useMessages } from '../../../i18n/useMessages';
import { CHANNELS } from '@clinicflow/contract';
import { settingsApi } from '../api/settingsApi';
import { SetAsideEvents } from './SetAsideEvents';

const when = (clock: ClinicClock | null, at: string | null, never: string) =>
  at ? (clock?.dateTime(at) ?? '') : never;

/**
 * Service status (S8): per channel its provider, last send, last error, waiting and sent today; the queue's lag;
 * the events the engine set aside; in an opt-in clinic, how many patients have no consent on each channel (T3).
 */
export function ServiceStatusPanel() {
  const t = useMessages();
  const clock = useClinicClock();
  const status = useQuery({
    queryKey: ['service-status'],
    queryFn: settingsApi.status,
    refetchInterval: 15_000,
  });
  const data = status.data;
  return (
    <div>
      <Title order={4}>{t.settingsStatusTitle}</Title>
      {status.error && (
        <Text c="red" role="alert">
          {status.error.message}
        </Text>
      )}
      {data && (
        <>
          <Group gap="xs" my="xs">
            <Badge color={data.communicationsEnabled ? 'green' : 'red'} variant="light">
              {data.communicationsEnabled ? t.settingsStatusOn : t.settingsStatusOff}
            </Badge>
            <Badge color={data.dispatcherLagSeconds > 300 ? 'orange' : 'green'} variant="light">
              {data.waiting === 0
                ? t.settingsStatusQueueEmpty
                : formatMessage(t.settingsStatusQueue, {
                    waiting: data.waiting,
                    lag: data.dispatcherLagSeconds,
                  })}
            </Badge>
            <Badge variant="light">
              {formatMessage(t.settingsStatusSentToday, { count: data.sentToday })}
            </Badge>
          </Group>
          <Table withTableBorder captionSide="top" data-testid="service-status">
            <Table.Caption style={{ textAlign: 'left' }}>
              {formatMessage(t.settingsStatusAt, { at: clock?.time(data.at) ?? '' })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.settingsStatusChannel}</Table.Th>
                <Table.Th scope="col">{t.settingsStatusProvider}</Table.Th>
                <Table.Th scope="col">{t.settingsStatusLastSent}</Table.Th>
                <Table.Th scope="col">{t.settingsStatusLastError}</Table.Th>
                <Table.Th scope="col">{t.settingsStatusWaiting}</Table.Th>
                <Table.Th scope="col">{t.settingsStatusToday}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {CHANNELS.map((channel) => {
                const row = data.channels[channel];
                if (!row) return null;
                return (
                  <Table.Tr key={channel}>
                    <Table.Th scope="row">
                      {channelLabel(t, channel)}{' '}
                      {!row.enabled && (
                        <Badge size="xs" color="gray">
                          {t.settingsStatusChannelOff}
                        </Badge>
                      )}
                    </Table.Th>
                    <Table.Td>{row.provider ?? '—'}</Table.Td>
                    <Table.Td>{when(clock, row.lastSentAt, t.settingsStatusNever)}</Table.Td>
                    <Table.Td>
                      {row.lastError
                        ? `${clock?.dateTime(row.lastError.at) ?? ''}: ${row.lastError.reason}`
                        : t.settingsStatusNoError}
                    </Table.Td>
                    <Table.Td>{row.waiting}</Table.Td>
                    <Table.Td>{row.sentToday}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {data.eventsSetAside && <SetAsideEvents {...data.eventsSetAside} />}
          {data.consent?.withoutConsent && (
            <div data-testid="consent-status">
              <Text fw={600} mt="sm">
                {formatMessage(t.settingsStatusConsentTitle, { patients: data.consent.patients ?? 0 })}
              </Text>
              <Group gap="xs" mt={4}>
                {CHANNELS.map((channel) => (
                  <Badge
                    key={channel}
                    variant="light"
                    color={data.consent.withoutConsent![channel] > 0 ? 'orange' : 'green'}
                  >
                    {formatMessage(t.settingsStatusWithoutConsent, {
                      channel: channelLabel(t, channel),
                      count: data.consent.withoutConsent![channel],
                    })}
                  </Badge>
                ))}
              </Group>
            </div>
          )}
        </>
      )}
    </div>
  );
}
