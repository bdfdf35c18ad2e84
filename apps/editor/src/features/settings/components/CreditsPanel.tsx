import { Button, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../api/apiClient';
import { formatMessage } from '../../flows/utils/formatMessage';
import { useClinicClock } from '../../../clock';
import { useMessages } from '../../../i18n/useMessages';
import { CreditsRetry } from '../../report/components/CreditsRetry';
import { settingsApi, type ClinicSettings } from '../api/settingsApi';

/** Credits (S7): the balance (per practitioner when credits are kept so), a top-up, the latest top-ups. */
export function CreditsPanel({ settings }: { settings: ClinicSettings }) {
  const t = useMessages();
  const clock = useClinicClock();
  const queryClient = useQueryClient();
  const [credits, setCredits] = useState<number | string>(500);
  const [note, setNote] = useState('');
  const [resourceId, setResourceId] = useState<string | null>(null);
  const perPractitioner = settings.creditsScope === 'practitioner';
  const resources = useQuery({
    queryKey: ['resources', 'settings'],
    queryFn: settingsApi.resources,
    enabled: perPractitioner,
  });
  const nameOf = (id: string) => resources.data?.items.find((r) => r.id === id)?.name ?? id;
  const topUp = useMutation({
    mutationFn: () =>
      settingsApi.topUp({
        credits: Number(credits),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(perPractitioner && resourceId ? { resourceId } : {}),
      }),
    onSuccess: (answer) => {
      queryClient.setQueryData<ClinicSettings>(['settings'], (s) => (s ? { ...s, credits: answer } : s));
      setNote('');
    },
  });
  const errors = topUp.error instanceof ApiError ? topUp.error.errors : [];
  const errorAt = (field: string) => errors.find((e) => e.path === `body.${field}`)?.message;
  const { balance, byResource, topUps } = settings.credits;
  return (
    <Stack gap="xs">
      <Title order={4}>{t.settingsCreditsTitle}</Title>
      <Text size="xl" fw={700} data-testid="credits-balance">
        {formatMessage(t.settingsCreditsBalance, { count: balance })}
      </Text>
      {Object.entries(byResource).map(([id, count]) => (
        <Text key={id} size="sm">
          {nameOf(id)}: {count}
        </Text>
      ))}
      <Group align="flex-end">
        <NumberInput
          label={t.settingsTopUpCredits}
          min={1}
          max={1_000_000}
          value={credits}
          onChange={setCredits}
          error={errorAt('credits')}
          w={160}
        />
        {perPractitioner && (
          <Select
            label={t.settingsTopUpPractitioner}
            data={(resources.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
            value={resourceId}
            onChange={setResourceId}
            clearable
            error={errorAt('resourceId')}
            w={220}
          />
        )}
        <TextInput
          label={t.settingsTopUpNote}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errorAt('note')}
          w={220}
        />
        <Button onClick={() => topUp.mutate()} loading={topUp.isPending} disabled={!Number(credits)}>
          {t.settingsTopUp}
        </Button>
      </Group>
      {topUp.error && errors.length === 0 && (
        <Text c="red" size="sm" role="alert">
          {topUp.error.message}
        </Text>
      )}
      {/* after a top-up: the messages that failed for want of credits, sent again in one click (S7) */}
      <CreditsRetry />
      {topUps.length > 0 && (
        <Table withTableBorder w="auto" captionSide="top">
          <Table.Caption style={{ textAlign: 'left' }}>{t.settingsTopUpsRecent}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.settingsTopUpWhen}</Table.Th>
              <Table.Th scope="col">{t.settingsTopUpCredits}</Table.Th>
              <Table.Th scope="col">{t.settingsTopUpNote}</Table.Th>
              <Table.Th scope="col">{t.settingsTopUpBy}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {topUps
              .slice(-5)
              .reverse()
              .map((entry, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{clock?.dateTime(entry.at) ?? ''}</Table.Td>
                  <Table.Td>
                    {entry.credits}
                    {entry.resourceId ? ` (${nameOf(entry.resourceId)})` : ''}
                  </Table.Td>
                  <Table.Td>{entry.note ?? ''}</Table.Td>
                  <Table.Td>{entry.by}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
