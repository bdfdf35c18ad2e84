import { Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ClinicZoneNote, useClinicClock } from '../../clock';
import { useMessages } from '../../i18n/useMessages';
import { useReasonWords } from '../../i18n/useReasonWords';
import { formatMessage } from '../flows/utils/formatMessage';
import { reportApi, type DeliveryRow } from './api/reportApi';
import { useReportFilters } from './hooks/useReportFilters';
import { channelLabel, errorInWords, formatWhen, statusLabel } from './utils/deliveryWords';
import { apiQueryOf, searchFromFilters } from './utils/reportFilters';

/** A printout stays readable: beyond this the export is the right tool. */
const printablePages = 10;
const pageSize = 100;

/** Only the list prints: the app's header and navigation, and this page's buttons, stay on screen. */
const printStyle = `@media print {
  .mantine-AppShell-header, .mantine-AppShell-navbar, [data-print-hide] { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; margin: 0 !important; min-height: 0 !important; }
  tr { break-inside: avoid; }
}`;

async function loadRows(apiQuery: string) {
  const rows: DeliveryRow[] = [];
  let total = 0;
  for (let page = 1; page <= printablePages; page++) {
    const query = new URLSearchParams(apiQuery);
    query.set('page', String(page));
    query.set('pageSize', String(pageSize));
    const answer = await reportApi.list(query.toString());
    rows.push(...answer.items);
    total = answer.total;
    if (rows.length >= total) break;
  }
  return { rows, total };
}

/** `/report/print`: the filtered messages as a plain list for paper, printed with the browser. */
export default function PrintableReportPage() {
  const t = useMessages();
  const clock = useClinicClock();
  const say = useReasonWords();
  const { filters } = useReportFilters();
  const apiQuery = apiQueryOf(filters).toString();
  const search = searchFromFilters(filters).toString();
  const list = useQuery({ queryKey: ['deliveries-print', apiQuery], queryFn: () => loadRows(apiQuery) });
  const described = decodeURIComponent(search.replace(/&/g, ' · ').replace(/=/g, ': ')) || t.printNoFilter;
  return (
    <Stack gap="sm">
      <style>{printStyle}</style>
      <Group justify="space-between" data-print-hide>
        <Anchor component={Link} to={`/report${search ? `?${search}` : ''}`}>
          {t.printBack}
        </Anchor>
        <Button leftSection={<IconPrinter size={14} />} onClick={() => window.print()} disabled={!list.data}>
          {t.printButton}
        </Button>
      </Group>
      <Title order={3}>{formatMessage(t.printTitle, { filters: described })}</Title>
      <ClinicZoneNote clock={clock} />
      {!list.data ? (
        list.error ? (
          <Text c="red">{list.error.message}</Text>
        ) : (
          <Loader aria-label={t.loading} />
        )
      ) : (
        <>
          <Text size="sm">
            {list.data.total === 1
              ? t.reportTotalOne
              : formatMessage(t.reportTotal, { count: list.data.total })}
          </Text>
          {list.data.rows.length < list.data.total && (
            <Text size="sm" c="orange">
              {formatMessage(t.printTruncated, { shown: list.data.rows.length, total: list.data.total })}
            </Text>
          )}
          <Table withTableBorder withColumnBorders fz="xs" data-testid="print-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.colSendAt}</Table.Th>
                <Table.Th>{t.colRecipient}</Table.Th>
                <Table.Th>{t.colChannel}</Table.Th>
                <Table.Th>{t.colStatus}</Table.Th>
                <Table.Th>{t.colText}</Table.Th>
                <Table.Th>{t.colError}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>{formatWhen(row.sendAt ?? row.createdAt, clock)}</Table.Td>
                  <Table.Td>
                    {row.recipient.name}
                    <br />
                    {row.recipient.address}
                  </Table.Td>
                  <Table.Td>{channelLabel(t, row.channel)}</Table.Td>
                  <Table.Td>{statusLabel(t, row.status)}</Table.Td>
                  <Table.Td>{row.subject ?? row.text}</Table.Td>
                  <Table.Td>
                    {row.error ? errorInWords(t, row.error) : (say(row.why, row.reason) ?? '')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
