import { CHANNELS, DELIVERY_STATUSES } from '@clinicflow/contract';
import { Badge, Group, Paper, Text } from '@mantine/core';
import { useClinicClock } from '../../../clock';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import type { DeliveryTotals } from '../api/reportApi';
import { channelLabel, statusColors, statusLabel } from '../utils/deliveryWords';

/** The filter's totals at a glance: how many, by status, by channel, and the credits they used. */
export function TotalsStrip({
  total,
  totals,
  credits,
}: {
  total: number;
  totals: DeliveryTotals | undefined;
  credits: { count: number; from: string; to: string } | undefined;
}) {
  const t = useMessages();
  const clock = useClinicClock();
  const day = (value: string) => (clock ? clock.day(value) : value);
  return (
    <Paper withBorder p="xs" data-testid="report-totals" aria-live="polite">
      <Group gap="lg" wrap="wrap">
        <Text fw={700} data-testid="report-total">
          {total === 1 ? t.reportTotalOne : formatMessage(t.reportTotal, { count: total })}
        </Text>
        <Group gap={4} aria-label={t.reportByStatus} role="list">
          {DELIVERY_STATUSES.filter((status) => totals?.byStatus[status]).map((status) => (
            <Badge key={status} role="listitem" color={statusColors[status]} variant="light">
              {statusLabel(t, status)} {totals!.byStatus[status]}
            </Badge>
          ))}
        </Group>
        <Group gap={4} aria-label={t.reportByChannel} role="list">
          {CHANNELS.filter((channel) => totals?.byChannel[channel]).map((channel) => (
            <Badge key={channel} role="listitem" variant="outline" color="gray">
              {channelLabel(t, channel)} {totals!.byChannel[channel]}
            </Badge>
          ))}
        </Group>
        {credits !== undefined && (
          <Text size="sm" c="dimmed">
            {formatMessage(t.reportCredits, { ...credits, from: day(credits.from), to: day(credits.to) })}
          </Text>
        )}
      </Group>
    </Paper>
  );
}
