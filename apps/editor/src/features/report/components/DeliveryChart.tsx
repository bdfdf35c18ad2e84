import '@mantine/charts/styles.css';
import { DELIVERY_STATUSES } from '@clinicflow/contract';
import { BarChart } from '@mantine/charts';
import { Paper, Text, Title } from '@mantine/core';
import { useClinicClock } from '../../../clock';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import type { DeliverySummary } from '../api/reportApi';
import { statusColors, statusLabel } from '../utils/deliveryWords';

/** Messages per clinic-local send day, stacked by status (the summary endpoint). */
export function DeliveryChart({ summary }: { summary: DeliverySummary | undefined }) {
  const t = useMessages();
  const clock = useClinicClock();
  if (!summary) return null;
  // the days in the clinic's format: the range in full ("06/11/2026"), the axis by day and month ("06/11")
  const day = (value: string) => (clock ? clock.day(value) : value);
  const dayAndMonth = new Intl.DateTimeFormat(clock?.locale, {
    day: '2-digit',
    month: '2-digit',
    timeZone: 'UTC',
  });
  const present = DELIVERY_STATUSES.filter((status) => summary.totals.byStatus[status]);
  const data = summary.days.map((entry) => ({
    day: dayAndMonth.format(new Date(`${entry.day}T12:00:00Z`)),
    ...Object.fromEntries(present.map((status) => [statusLabel(t, status), entry.byStatus[status] ?? 0])),
  }));
  return (
    <Paper withBorder p="sm" component="figure" m={0} aria-label={t.reportChart}>
      <Title order={4}>{t.reportChart}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {formatMessage(t.reportChartRange, { from: day(summary.from), to: day(summary.to) })}
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
