import { ActionIcon, Badge, ScrollArea, Table, Text } from '@mantine/core';
import { IconArrowBackUp, IconTrash } from '@tabler/icons-react';
import { useClinicClock } from '../../../clock';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import { formatWhen } from '../../report/utils/deliveryWords';
import type { BatchRow } from '../api/batchSendApi';

/** The preview's recipients; rows can be taken out (and put back) before sending. */
export function BatchRecipients({
  rows,
  removed,
  onToggle,
}: {
  rows: BatchRow[];
  removed: Set<string>;
  onToggle: (id: string) => void;
}) {
  const t = useMessages();
  const clock = useClinicClock();
  return (
    <ScrollArea.Autosize mah={420}>
      <Table striped stickyHeader data-testid="batch-recipients">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.colRecipient}</Table.Th>
            <Table.Th>{t.batchAppointmentAt}</Table.Th>
            <Table.Th>{t.batchAddress}</Table.Th>
            <Table.Th>{t.batchProblem}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const name = row.patient?.name ?? row.address ?? row.id;
            const out = removed.has(row.id);
            return (
              <Table.Tr key={row.id} data-testid="batch-row" data-removed={out} opacity={out ? 0.5 : 1}>
                <Table.Td>
                  <Text size="sm" td={out ? 'line-through' : undefined}>
                    {name}
                  </Text>
                  {out && (
                    <Badge size="xs" color="gray">
                      {t.batchRemoved}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{formatWhen(row.start, clock)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{row.address}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="red.8">
                    {row.problem}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color={out ? 'blue' : 'red'}
                    aria-label={formatMessage(out ? t.batchRestore : t.batchRemove, { name })}
                    onClick={() => onToggle(row.id)}
                  >
                    {out ? <IconArrowBackUp size={16} /> : <IconTrash size={16} />}
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** How many messages the batch will send: sendable rows kept, one per address when asked. */
export function countToSend(rows: BatchRow[], removed: Set<string>, onePerPhone: boolean): number {
  const kept = rows.filter((row) => !row.problem && !removed.has(row.id));
  if (!onePerPhone) return kept.length;
  return new Set(kept.map((row) => (row.address ?? row.id).toLowerCase())).size;
}
