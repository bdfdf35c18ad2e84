import { Badge, Group, Paper, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import {
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnVisibilityState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useEffect, useMemo, useRef } from 'react';
import { useClinicClock, type ClinicClock } from '../../../clock';
import type { Messages } from '../../../i18n/messages';
import { useMessages } from '../../../i18n/useMessages';
import { useReasonWords } from '../../../i18n/useReasonWords';
import { formatMessage } from '../../flows/utils/formatMessage';
import type { DeliveryRow } from '../api/reportApi';
import { useColumnChoice } from '../hooks/useColumnChoice';
import { sortableColumns, sortOrderOf, type ReportSort, type SortableColumn } from '../utils/reportFilters';
import {
  channelLabel,
  errorInWords,
  formatWhen,
  recipientColors,
  recipientLabel,
  sentByLabel,
  statusColors,
  statusLabel,
} from '../utils/deliveryWords';
import { ColumnChooser } from './ColumnChooser';

/** No user names known (yet): the column shows e-mails. */
const noUsers = new Map<string, string>();

/** Rows drawn above and below the visible ones, so a fast scroll shows no blank. */
const overscan = 10;
const rowHeight = 44;
/** Fetch the next page when the last drawn row is this close to the end of what is loaded. */
const prefetchRows = 30;

// Sorting is the API's (over the whole filter, `manualSorting`): no sorted row model here.
const features = tableFeatures({ columnVisibilityFeature, rowSortingFeature });
const helper = createColumnHelper<typeof features, DeliveryRow>();

/** An e-mail's first opening and how many; a hint when only a mail privacy service loaded it (maybe unread). */
function OpenedCell({ row, clock, t }: { row: DeliveryRow; clock: ClinicClock | null; t: Messages }) {
  if (!row.openedAt) return null;
  const onlyProxy = row.proxyOpens > 0 && row.proxyOpens === row.opens;
  return (
    <Text size="xs" title={onlyProxy ? t.reportProxyOpens : undefined} data-testid="row-opened">
      {formatWhen(row.openedAt, clock)}
      {row.opens > 1 && ` · ${formatMessage(t.reportOpens, { count: row.opens })}`}
      {onlyProxy && (
        <>
          {' ?'}
          <VisuallyHidden>{t.reportProxyOpens}</VisuallyHidden>
        </>
      )}
    </Text>
  );
}

function columnsOf(
  t: Messages,
  flowNames: Map<string, string>,
  userNames: Map<string, string>,
  onOpen: (row: DeliveryRow) => void,
  clock: ClinicClock | null,
  say: ReturnType<typeof useReasonWords>,
) {
  const when = (key: 'createdAt' | 'sendAt' | 'sentAt' | 'deliveredAt', header: string) =>
    helper.accessor((row) => row[key] ?? '', {
      id: key,
      header,
      // the API orders by some dates only; a date's first click shows the newest first
      enableSorting: sortableColumns.includes(key as SortableColumn),
      sortDescFirst: true,
      cell: ({ row }) => <Text size="xs">{formatWhen(row.original[key], clock)}</Text>,
    });
  return helper.columns([
    helper.accessor((row) => row.recipient.name ?? row.recipient.address ?? '', {
      id: 'recipient',
      header: t.colRecipient,
      enableSorting: false,
      enableHiding: false,
      cell: ({ row }) => {
        const { recipient } = row.original;
        const name = recipient.name ?? recipient.address ?? '—';
        return (
          <UnstyledButton
            onClick={() => onOpen(row.original)}
            // the name comes from what the button shows, then says what it does: it cannot drift from the text
            // (WCAG 2.5.3: speech users say what they see), even while a live row is drawn again
            data-recipient-type={recipient.type}
          >
            <Text size="sm" fw={500} c={recipientColors[recipient.type] ?? 'gray'} truncate>
              {name}
            </Text>
            {recipient.name && (
              <Text size="xs" c="dimmed" truncate>
                {recipient.address}
              </Text>
            )}
            <VisuallyHidden>{t.reportOpenHint}</VisuallyHidden>
          </UnstyledButton>
        );
      },
    }),
    helper.accessor('status', {
      id: 'status',
      header: t.colStatus,
      enableSorting: false,
      cell: ({ row }) => (
        <Badge color={statusColors[row.original.status]} size="sm" data-testid="row-status">
          {statusLabel(t, row.original.status)}
        </Badge>
      ),
    }),
    helper.accessor('channel', {
      id: 'channel',
      header: t.colChannel,
      enableSorting: false,
      cell: ({ row }) => <Text size="xs">{channelLabel(t, row.original.channel)}</Text>,
    }),
    when('createdAt', t.colCreated),
    when('sendAt', t.colSendAt),
    when('sentAt', t.colSentAt),
    when('deliveredAt', t.colDeliveredAt),
    helper.accessor((row) => row.openedAt ?? '', {
      id: 'opened',
      header: t.colOpened,
      enableSorting: false,
      cell: ({ row }) => <OpenedCell row={row.original} clock={clock} t={t} />,
    }),
    helper.accessor((row) => row.subject ?? row.text ?? '', {
      id: 'text',
      header: t.colText,
      enableSorting: false,
      cell: ({ row }) => (
        <Text size="xs" lineClamp={2}>
          {row.original.subject ?? row.original.text ?? ''}
        </Text>
      ),
    }),
    helper.accessor((row) => row.credits ?? 0, {
      id: 'credits',
      header: t.colCredits,
      enableSorting: false,
      cell: ({ row }) => <Text size="xs">{row.original.credits ?? ''}</Text>,
    }),
    helper.accessor((row) => row.error?.code ?? row.reason ?? '', {
      id: 'error',
      header: t.colError,
      enableSorting: false,
      cell: ({ row }) => (
        <Text size="xs" c="red.9" lineClamp={2}>
          {row.original.error
            ? errorInWords(t, row.original.error)
            : (say(row.original.why, row.original.reason) ?? '')}
        </Text>
      ),
    }),
    helper.accessor((row) => flowNames.get(row.flowId ?? '') ?? row.origin ?? '', {
      id: 'flow',
      header: t.colFlow,
      enableSorting: false,
      cell: ({ getValue }) => <Text size="xs">{String(getValue())}</Text>,
    }),
    helper.accessor((row) => sentByLabel(t, row, flowNames, userNames), {
      id: 'sentBy',
      header: t.reportSentBy,
      enableSorting: false,
      cell: ({ getValue, row }) => (
        <Text size="xs" truncate title={row.original.sentBy} data-testid="row-sent-by">
          {String(getValue())}
        </Text>
      ),
    }),
  ]);
}

interface DeliveryTableProps {
  rows: DeliveryRow[];
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (row: DeliveryRow) => void;
  flowNames: Map<string, string>;
  /** The clinic's users' names by e-mail, for the "sent by" column. */
  userNames?: Map<string, string>;
  /** The order the rows came in (the API's), shown by the header's arrow. */
  sort: ReportSort;
  /** A header was clicked: the page asks the API for this order, from the first page. */
  onSortChange: (sort: ReportSort) => void;
}

/** TanStack's sorting state of the API's order. */
function sortingOf(sort: ReportSort): SortingState {
  const { column, desc } = sortOrderOf(sort);
  return [{ id: column, desc }];
}

/**
 * The report's table: columns sorted by the API over the whole filter (a header click changes the URL's
 * `sort`, and the rows start again from the first page), a column chooser kept in this browser, virtualised
 * rows so 10 000 and more scroll smoothly, and the next page fetched as the end nears.
 */
export function DeliveryTable({
  rows,
  total,
  hasMore,
  loadingMore,
  onLoadMore,
  onOpen,
  flowNames,
  userNames = noUsers,
  sort,
  onSortChange,
}: DeliveryTableProps) {
  const t = useMessages();
  const clock = useClinicClock();
  const say = useReasonWords();
  const { hidden, toggle } = useColumnChoice();
  const columns = useMemo(
    () => columnsOf(t, flowNames, userNames, onOpen, clock, say),
    [t, flowNames, userNames, onOpen, clock, say],
  );
  const columnVisibility = useMemo<ColumnVisibilityState>(
    () => Object.fromEntries(hidden.map((id) => [id, false])),
    [hidden],
  );
  const sorting = useMemo(() => sortingOf(sort), [sort]);
  const table = useTable({
    features,
    columns,
    data: rows,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { columnVisibility, sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = typeof updater === 'function' ? updater(sorting) : updater;
      if (next) onSortChange(`${next.desc ? '-' : ''}${next.id}` as ReportSort);
    },
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) => {
      const next = typeof updater === 'function' ? updater(columnVisibility) : updater;
      for (const column of Object.keys({ ...next, ...columnVisibility }))
        if ((next[column] === false) !== hidden.includes(column)) toggle(column);
    },
  });
  const tableRows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  // the virtualizer's functions change on scroll by design; this component is left to re-render plainly
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan,
    // jsdom and the first paint have no layout yet: draw a screenful anyway
    initialRect: { width: 1000, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const lastDrawn = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && lastDrawn >= tableRows.length - prefetchRows) onLoadMore();
  }, [hasMore, loadingMore, lastDrawn, tableRows.length, onLoadMore]);
  // another order starts again from its first row
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [sort]);
  const visible = table.getVisibleLeafColumns();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const choosable = table
    .getAllLeafColumns()
    .filter((c) => c.getCanHide())
    .map((c) => ({ id: c.id, label: String(c.columnDef.header) }));
  return (
    <Paper withBorder>
      <Group justify="space-between" p="xs">
        <Group gap="xs" aria-label={t.reportRecipientTypes} role="list">
          {Object.entries(recipientColors).map(([type, color]) => (
            <Badge key={type} role="listitem" variant="dot" color={color}>
              {recipientLabel(t, type)}
            </Badge>
          ))}
        </Group>
        <Group gap="xs">
          <Text size="xs" c="dimmed" data-testid="report-showing">
            {formatMessage(t.reportShowing, { shown: rows.length, total })}
          </Text>
          <ColumnChooser columns={choosable} hidden={hidden} onToggle={toggle} />
        </Group>
      </Group>
      <div ref={scroller} style={{ height: '60vh', overflow: 'auto' }} data-testid="report-scroller">
        <Table
          stickyHeader
          striped
          highlightOnHover
          layout="fixed"
          data-testid="report-table"
          aria-rowcount={total + 1}
        >
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  return (
                    <Table.Th
                      key={header.id}
                      w={header.column.id === 'text' || header.column.id === 'recipient' ? undefined : 120}
                      aria-sort={
                        sorted === 'asc'
                          ? 'ascending'
                          : sorted === 'desc'
                            ? 'descending'
                            : canSort
                              ? 'none'
                              : undefined
                      }
                    >
                      {canSort ? (
                        <UnstyledButton onClick={header.column.getToggleSortingHandler()} fw={600} fz="sm">
                          <Group gap={4} wrap="nowrap">
                            <table.FlexRender header={header} />
                            {sorted === 'asc' && <IconArrowUp size={12} aria-hidden />}
                            {sorted === 'desc' && <IconArrowDown size={12} aria-hidden />}
                          </Group>
                        </UnstyledButton>
                      ) : (
                        <Text fw={600} fz="sm" span>
                          <table.FlexRender header={header} />
                        </Text>
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {top > 0 && (
              <tr aria-hidden>
                <td colSpan={visible.length} style={{ height: top, padding: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const row = tableRows[item.index];
              return (
                <Table.Tr
                  key={row.id}
                  data-testid="report-row"
                  data-delivery-id={row.original.id}
                  aria-rowindex={item.index + 2}
                  style={{ height: rowHeight, cursor: 'pointer' }}
                  onClick={() => onOpen(row.original)}
                >
                  {row.getVisibleCells().map((cell) => (
                    <Table.Td key={cell.id} style={{ overflow: 'hidden' }}>
                      <table.FlexRender cell={cell} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
            {bottom > 0 && (
              <tr aria-hidden>
                <td colSpan={visible.length} style={{ height: bottom, padding: 0 }} />
              </tr>
            )}
          </Table.Tbody>
        </Table>
        {rows.length === 0 && (
          <Text p="md" c="dimmed">
            {t.reportNoRows}
          </Text>
        )}
      </div>
    </Paper>
  );
}
