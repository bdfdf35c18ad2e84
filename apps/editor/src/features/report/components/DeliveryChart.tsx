import '@mantine/charts/styles.css';
import { DELIVERY_STATUSES } from '@clinicflow/contract';
import { BarChart } from '@mantine/charts';
import { Paper, Text, Title } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import type { DeliverySummary } from '../api/reportApi';
import { statusColors, statusLabel } from '../utils/deliveryWords';

/** Messages per clinic-local send day, stacked by status (the summary endpoint). */
export function DeliveryChart({ summary }: { summary: DeliverySummary | undefined }) {
  const t = useMessages();
  if (!summary) return null;
  const present = DELIVERY_STATUSES.filter((status) => summary.totals.byStatus[status]);
  const data = summary.days.map((day) => ({
    day: day.day.slice(5),
    ...Object.fromEntries(present.map((status) => [statusLabel(t, status), day.byStatus[status] ?? 0])),
  }));
  return (
    <Paper withBorder p="sm" component="figure" m={0} aria-label={t.reportChart}>
      <Title order={4}>{t.reportChart}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {formatMessage(t.reportChartRange, { from: summary.from, to: summary.to })}
      </Text>
      {present.length === 0 ? (
        <Text size="sm">{t.reportChartEmpty}</Text>
      ) : (
        <BarChart
          h={220}
          data={data}
          dataKey="day"
          type="stacked"
          withLegend
          series={present.map((status) => ({ name: statusLabel(t, status), color: statusColors[status] }))}
        />
      )}
    </Paper>
  );
}
