import { Alert, Anchor, Badge, Group, Loader, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/apiClient';
import { ClinicZoneNote, useClinicClock } from '../../clock';
import { useMessages } from '../../i18n/useMessages';
import { useReasonWords } from '../../i18n/useReasonWords';
import { formatMessage } from '../flows/utils/formatMessage';
import { pathTaken } from '../flows/utils/pathTaken';
import { stepWords } from '../flows/utils/stepWords';
import { runsApi, type RunDetail } from './api/runsApi';
import { RunCanvas } from './components/RunCanvas';
import { RunSteps } from './components/RunSteps';
import { runStatusWords } from './utils/runStatusWords';

/**
 * `/runs/:runId`: one run on its flow's canvas (the version it followed, its path lit) beside its decisions,
 * each in clinic words and clinic time; a run an engine error stopped can be retried from the step it stopped at.
 */
export default function RunPage() {
  const t = useMessages();
  const { runId = '' } = useParams();
  const client = useQueryClient();
  const clock = useClinicClock();
  const say = useReasonWords();
  const run = useQuery({ queryKey: ['run', runId], queryFn: () => runsApi.get(runId) });
  const flowId = run.data?.flowId;
  const flowVersion = run.data?.flowVersion;
  const version = useQuery({
    queryKey: ['flow-version', flowId, flowVersion],
    queryFn: () => runsApi.version(flowId!, flowVersion!),
    enabled: flowId !== undefined && flowVersion !== undefined,
    staleTime: Infinity,
  });
  const retry = useMutation({
    mutationFn: () => runsApi.retry(runId),
    onSuccess: (retried: RunDetail) => {
      client.setQueryData(['run', runId], retried);
      void client.invalidateQueries({ queryKey: ['runs'] });
      notifications.show({ color: 'green', message: t.runRetried });
    },
  });
  const path = useMemo(
    () => (version.data && run.data ? pathTaken(version.data.flow, run.data.steps) : null),
    [version.data, run.data],
  );
  if (run.error) {
    return (
      <Alert color="red" role="alert">
        {run.error instanceof ApiError && run.error.status === 404 ? t.runNotFound : run.error.message}
      </Alert>
    );
  }
  if (!run.data) return <Loader aria-label={t.loading} />;
  const detail = run.data;
  const when = (at: string | null) => (at && clock ? clock.dateTime(at) : '');
  const eventKey = stepWords.event[detail.eventType as keyof typeof stepWords.event];
  const ended = say(detail.endedWhy, detail.endedReason);
  return (
    <Stack gap="sm" h="calc(100vh - 88px)">
      <Anchor
        component={Link}
        to={detail.patientId ? `/runs?patientId=${encodeURIComponent(detail.patientId)}` : '/runs'}
        size="sm"
      >
        {t.runBack}
      </Anchor>
      <Group gap="sm">
        <Title order={2}>{formatMessage(t.runTitle, { flow: detail.flowName ?? '' })}</Title>
        <Badge variant="light">{formatMessage(t.runFlowVersion, { version: detail.flowVersion })}</Badge>
        <Badge color={detail.retryFrom ? 'orange' : 'gray'} data-testid="run-status">
          {runStatusWords(t, detail.status)}
        </Badge>
      </Group>
      <Group gap="lg">
        {detail.patientName && (
          <Text size="sm">{formatMessage(t.runFor, { patient: detail.patientName })}</Text>
        )}
        {detail.appointmentStart && (
          <Text size="sm">{formatMessage(t.runAppointmentAt, { when: when(detail.appointmentStart) })}</Text>
        )}
        <Text size="sm">
          {formatMessage(t.runStartedBy, {
            when: when(detail.createdAt),
            event: eventKey ? t[eventKey] : detail.eventType,
          })}
        </Text>
      </Group>
      {ended && (detail.status === 'ended' || detail.status === 'cancelled') && (
        <Text size="sm" c={detail.retryFrom ? 'red.8' : 'dimmed'} data-testid="run-ended">
          {formatMessage(t.runEnded, { reason: ended })}
        </Text>
      )}
      <ClinicZoneNote clock={clock} />
      {retry.error && (
        <Alert color="red" role="alert">
          {retry.error.message}
        </Alert>
      )}
      <Group align="stretch" gap="sm" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Paper withBorder style={{ flex: 1, minWidth: 0, position: 'relative', overflow: 'hidden' }}>
          {version.data && path ? (
            <RunCanvas
              flow={version.data.flow}
              path={path}
              label={formatMessage(t.runCanvas, { version: detail.flowVersion })}
            />
          ) : (
            <Loader m="md" size="sm" aria-label={t.loading} />
          )}
        </Paper>
        <Paper withBorder w={420} p="sm" style={{ flexShrink: 0, minHeight: 0 }}>
          <ScrollArea h="100%">
            <Title order={4} mb="xs">
              {t.runDecisions}
            </Title>
            <RunSteps
              steps={detail.steps}
              nodes={version.data?.flow.nodes}
              clock={clock}
              retryFrom={detail.retryFrom}
              onRetry={() => retry.mutate()}
              retrying={retry.isPending}
            />
          </ScrollArea>
        </Paper>
      </Group>
    </Stack>
  );
}
