import { Alert, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { saveFile } from '../../api/saveFile';
import { useClinicClock } from '../../clock';
import type { Messages } from '../../i18n/messages';
import { useMessages } from '../../i18n/useMessages';
import { formatMessage } from '../flows/utils/formatMessage';
import { teamApi } from '../team/api/teamApi';
import { activityApi, type AuditAction, type AuditEntry } from './api/activityApi';
import { actionLabel, actionOptions } from './utils/actionWords';
import { activityRange } from './utils/activityRange';

/** Who acted, in words. */
function actorText(t: Messages, entry: AuditEntry): string {
  switch (entry.actor.kind) {
    case 'operator':
      return t.activityOperator;
    case 'anonymous':
      return t.activityAnonymous;
    case 'system':
      return t.activitySystem;
    case 'patient':
      return t.activityPatient;
    default:
      return entry.actor.label ?? entry.actor.id ?? '';
  }
}

/** The details of an entry as `key: value` pairs (ids, counts, filter names). */
function detailsText(entry: AuditEntry): string {
  const parts = Object.entries(entry.details).map(
    ([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`,
  );
  if (entry.target?.label) parts.unshift(entry.target.label);
  return parts.join(' · ');
}

/**
 * `/activity` (managers): the clinic's audit trail, newest first, filtered by period, act and person, and
 * downloadable as CSV. It shows ids, counts and the names of filters, never a patient's details or a message.
 */
export default function ActivityPage() {
  const t = useMessages();
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [action, setAction] = useState<AuditAction | undefined>();
  const [actorId, setActorId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const clock = useClinicClock();
  const filters = { ...activityRange(fromDay, toDay, clock?.timeZone ?? null), action, actorId };
  const entries = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () => activityApi.list({ ...filters, page }),
    placeholderData: keepPreviousData,
  });
  const users = useQuery({ queryKey: ['users'], queryFn: teamApi.list });
  const download = useMutation({
    mutationFn: () => activityApi.exportCsv(filters),
    onSuccess: (file) => saveFile(file.blob, file.fileName),
  });
  const filtered =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  const pages = entries.data ? Math.max(1, Math.ceil(entries.data.total / entries.data.pageSize)) : 1;
  return (
    <Stack>
      <Title order={2}>{t.activityTitle}</Title>
      <Text size="sm" c="dimmed" maw={760}>
        {t.activityIntro}
      </Text>
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t.activityFrom}
          value={fromDay}
          onChange={(e) => filtered(setFromDay)(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t.activityTo}
          value={toDay}
          onChange={(e) => filtered(setToDay)(e.currentTarget.value)}
        />
        <Select
          label={t.activityAction}
          placeholder={t.activityAnyAction}
          data={actionOptions(t)}
          value={action ?? null}
          clearable
          searchable
          onChange={(value) => filtered(setAction)((value as AuditAction | null) ?? undefined)}
        />
        <Select
          label={t.activityActor}
          placeholder={t.activityAnyone}
          data={(users.data ?? []).map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }))}
          value={actorId ?? null}
          clearable
          searchable
          onChange={(value) => filtered(setActorId)(value ?? undefined)}
        />
        <Button
          variant="light"
          leftSection={<IconDownload size={16} />}
          loading={download.isPending}
          onClick={() => download.mutate()}
        >
          {t.activityExport}
        </Button>
      </Group>
      {(entries.error ?? download.error) && (
        <Alert color="red" role="alert">
          {(entries.error ?? download.error)!.message}
        </Alert>
      )}
      {entries.data && entries.data.items.length === 0 && <Text c="dimmed">{t.activityNone}</Text>}
      {entries.data && entries.data.items.length > 0 && (
        <>
          <Text size="sm">{formatMessage(t.activityTotal, { count: entries.data.total })}</Text>
          <Table withTableBorder striped data-testid="activity">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.activityWhen}</Table.Th>
                <Table.Th scope="col">{t.activityActor}</Table.Th>
                <Table.Th scope="col">{t.activityAction}</Table.Th>
                <Table.Th scope="col">{t.activityDetails}</Table.Th>
                <Table.Th scope="col">{t.activityFromWhere}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.data.items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{clock?.dateTime(entry.at) ?? ''}</Table.Td>
                  <Table.Td>{actorText(t, entry)}</Table.Td>
                  <Table.Td>{actionLabel(t, entry.action)}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{detailsText(entry)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" title={entry.userAgent ?? undefined}>
                      {entry.address ?? ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Button variant="default" size="xs" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t.activityPrevious}
            </Button>
            <Text size="sm">
              {page} / {pages}
            </Text>
            <Button variant="default" size="xs" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t.activityNext}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
