import { Alert, Anchor, Badge, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { apiFetch } from '../../api/apiClient';
import { ClinicZoneNote, useClinicClock } from '../../clock';
import { useMessages } from '../../i18n/useMessages';
import type { DirectoryAppointment, DirectoryPatient } from '../flows/utils/sampleFromDirectory';
import { formatMessage } from '../flows/utils/formatMessage';
import { stepWords } from '../flows/utils/stepWords';
import { PatientPicker } from '../patients/components/PatientPicker';
import { runsApi } from './api/runsApi';
import { runStatusWords } from './utils/runStatusWords';

type Page<T> = { items: T[] };

/**
 * `/runs`: the run explorer. A patient (searched on the server) and optionally one of their appointments, kept
 * in the URL; their runs newest first, each with its flow, what started it, its appointment and how it stands,
 * in clinic time. A row opens the run on its flow's canvas.
 */
export default function RunsPage() {
  const t = useMessages();
  const clock = useClinicClock();
  const [params, setParams] = useSearchParams();
  const patientId = params.get('patientId');
  const appointmentId = params.get('appointmentId');
  const patient = useQuery({
    queryKey: ['patient', patientId],
    queryFn: () => apiFetch<DirectoryPatient>(`/patients/${encodeURIComponent(patientId!)}`),
    enabled: patientId !== null,
    staleTime: 60_000,
  });
  const appointments = useQuery({
    queryKey: ['appointments', 'runs', patientId],
    queryFn: () =>
      apiFetch<Page<DirectoryAppointment>>(
        `/appointments?patientId=${encodeURIComponent(patientId!)}&pageSize=100`,
      ),
    enabled: patientId !== null,
  });
  const runs = useQuery({
    queryKey: ['runs', patientId, appointmentId],
    queryFn: () => runsApi.search(appointmentId ? { appointmentId } : { patientId: patientId! }),
    enabled: patientId !== null,
  });
  const choose = (next: { patientId?: string | null; appointmentId?: string | null }) => {
    const query = new URLSearchParams();
    const chosenPatient = next.patientId === undefined ? patientId : next.patientId;
    if (chosenPatient) query.set('patientId', chosenPatient);
    if (chosenPatient && next.appointmentId) query.set('appointmentId', next.appointmentId);
    setParams(query);
  };
  const when = (at: string | null) => (at && clock ? clock.dateTime(at) : '');
  const eventWord = (type: string) => {
    const key = stepWords.event[type as keyof typeof stepWords.event];
    return key ? t[key] : type;
  };
  return (
    <Stack gap="sm">
      <Title order={2}>{t.runsTitle}</Title>
      <Text c="dimmed">{t.runsIntro}</Text>
      <Paper withBorder p="sm">
        <Group grow align="flex-start">
          <PatientPicker
            label={t.runsPatient}
            value={patient.data ?? null}
            onChange={(picked) => choose({ patientId: picked?.id ?? null, appointmentId: null })}
          />
          <Select
            label={t.runsAppointment}
            placeholder={t.runsAllAppointments}
            disabled={!patientId}
            clearable
            data={(appointments.data?.items ?? []).map((a) => ({ value: a.id, label: when(a.start) }))}
            value={appointmentId}
            onChange={(id) => choose({ appointmentId: id })}
          />
        </Group>
      </Paper>
      <ClinicZoneNote clock={clock} />
      {!patientId && <Text c="dimmed">{t.runsPickPatient}</Text>}
      {runs.error && (
        <Alert color="red" role="alert">
          {runs.error.message}
        </Alert>
      )}
      {patientId && runs.isPending && <Loader size="sm" aria-label={t.loading} />}
      {runs.data && runs.data.items.length === 0 && <Text>{t.runsNone}</Text>}
      {runs.data && runs.data.items.length > 0 && (
        <Table aria-label={t.runsTable} highlightOnHover data-testid="runs-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.runsStarted}</Table.Th>
              <Table.Th>{t.runsFlow}</Table.Th>
              <Table.Th>{t.runsEvent}</Table.Th>
              <Table.Th>{t.runsForAppointment}</Table.Th>
              <Table.Th>{t.runsStatus}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.data.items.map((run) => (
              <Table.Tr key={run.id} data-testid="run-row">
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/runs/${encodeURIComponent(run.id)}`}
                    aria-label={formatMessage(t.runsOpen, {
                      flow: run.flowName ?? '',
                      when: when(run.createdAt),
                    })}
                  >
                    {when(run.createdAt)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {run.flowName}{' '}
                  <Text span size="xs" c="dimmed">
                    {formatMessage(t.runFlowVersion, { version: run.flowVersion })}
                  </Text>
                </Table.Td>
                <Table.Td>{eventWord(run.eventType)}</Table.Td>
                <Table.Td>{when(run.appointmentStart)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Text size="sm">{runStatusWords(t, run.status)}</Text>
                    {run.retryFrom && (
                      <Badge color="orange" size="sm">
                        {t.runsFailedBadge}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
