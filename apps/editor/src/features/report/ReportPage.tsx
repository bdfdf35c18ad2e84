import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/apiClient';
import { ClinicZoneNote, useClinicClock } from '../../clock';
import { useMessages } from '../../i18n/useMessages';
import { LiveBadge } from '../../live';
import { formatMessage } from '../flows/utils/formatMessage';
import { reportApi, type DeliveryRow } from './api/reportApi';
import { CreditsRetry } from './components/CreditsRetry';
import { DeliveryChart } from './components/DeliveryChart';
import { DeliveryDrawer } from './components/DeliveryDrawer';
import { DeliveryTable } from './components/DeliveryTable';
import { ExportButtons } from './components/ExportButtons';
import { ReportFilterBar } from './components/ReportFilterBar';
import { TotalsStrip } from './components/TotalsStrip';
import { useDeliveryChanges } from './hooks/useDeliveryChanges';
import { useDeliveryPages } from './hooks/useDeliveryPages';
import { useReportFilters } from './hooks/useReportFilters';
import { useReportOptions } from './hooks/useReportOptions';
import { apiQueryOf, searchFromFilters, type ReportSort } from './utils/reportFilters';
import { summaryQueryOf } from './utils/summaryQueryOf';

/** Past this many loaded pages a live change offers a refresh instead of refetching them all. */
const autoRefreshPages = 3;

/** `/report`: the message summary (S3–S5): filters, totals, chart, table, detail, exports; updated live. */
export default function ReportPage() {
  const t = useMessages();
  const clock = useClinicClock();
  const client = useQueryClient();
  const { filters, change, clear } = useReportFilters();
  const options = useReportOptions();
  const apiQuery = apiQueryOf(filters).toString();
  const pages = useDeliveryPages(apiQuery);
  const summaryQuery = summaryQueryOf(filters);
  const summary = useQuery({
    queryKey: ['delivery-summary', summaryQuery],
    queryFn: () => reportApi.summary(summaryQuery),
  });
  const [openId, setOpenId] = useState<string | null>(null);
  const [missed, setMissed] = useState(false);
  const refresh = useCallback(() => {
    setMissed(false);
    void client.invalidateQueries({ queryKey: ['deliveries'] });
  }, [client]);
  useDeliveryChanges(() => {
    void client.invalidateQueries({ queryKey: ['delivery-summary'] });
    void client.invalidateQueries({ queryKey: ['delivery'] });
    if ((pages.data?.pages.length ?? 0) <= autoRefreshPages) refresh();
    else setMissed(true);
  });
  const listError = pages.error instanceof ApiError ? pages.error : null;
  const summaryError = summary.error instanceof ApiError ? summary.error : null;
  const problems = [...(listError?.errors ?? []), ...(summaryError?.errors ?? [])];
  const onOpen = useCallback((row: DeliveryRow) => setOpenId(row.id), []);
  const { fetchNextPage } = pages;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const onSortChange = useCallback((sort: ReportSort) => change({ sort }), [change]);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={2}>{t.reportTitle}</Title>
          <LiveBadge />
        </Group>
        <ExportButtons apiQuery={apiQuery} search={searchFromFilters(filters).toString()} />
      </Group>
      <Text c="dimmed">{t.reportIntro}</Text>
      <ClinicZoneNote clock={clock} />
      <ReportFilterBar
        filters={filters}
        onChange={change}
        onClear={clear}
        problems={problems}
        flows={options.flows}
        practitioners={options.practitioners}
        services={options.services}
        users={options.users}
        timeZone={clock?.timeZone}
      />
      {pages.error && problems.length === 0 && (
        <Alert color="red" role="alert">
          {formatMessage(t.reportLoadFailed, { message: pages.error.message })}
        </Alert>
      )}
      <CreditsRetry />
      <TotalsStrip
        total={pages.total}
        totals={pages.totals}
        credits={
          summary.data
            ? { count: summary.data.totals.credits, from: summary.data.from, to: summary.data.to }
            : undefined
        }
      />
      <DeliveryChart summary={summary.data} />
      {missed && (
        <Alert color="blue" withCloseButton={false}>
          <Group justify="space-between">
            <Text size="sm">{t.reportChanged}</Text>
            <Button size="xs" onClick={refresh}>
              {t.reportRefresh}
            </Button>
          </Group>
        </Alert>
      )}
      <DeliveryTable
        rows={pages.rows}
        total={pages.total}
        hasMore={pages.hasNextPage}
        loadingMore={pages.isFetchingNextPage}
        onLoadMore={loadMore}
        onOpen={onOpen}
        flowNames={options.flowNames}
        userNames={options.userNames}
        sort={filters.sort}
        onSortChange={onSortChange}
      />
      <DeliveryDrawer deliveryId={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
