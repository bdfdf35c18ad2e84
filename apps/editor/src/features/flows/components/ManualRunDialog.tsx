import { Alert, Badge, Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../api/apiClient';
import { newRequestId } from '../../../api/requestId';
import type { Messages } from '../../../i18n/messages';
import { useMessages } from '../../../i18n/useMessages';
import { patientLabel, type DirectoryPatient } from '../../patients/api/patientsApi';
import { PatientPicker } from '../../patients/components/PatientPicker';
import { manualRunsApi, type RunStatus } from '../api/manualRunsApi';
import { formatMessage } from '../utils/formatMessage';

const statusWords: Record<RunStatus, keyof Messages> = {
  starting: 'runStatusStarting',
  waiting: 'runStatusWaiting',
  'awaiting-reply': 'runStatusAwaitingReply',
  ended: 'runStatusEnded',
  cancelled: 'runStatusCancelled',
};

/**
 * The `manual` trigger (B1): pick patients (searched on the server) and run the flow's published version once
 * for each; then what started, patient by patient. Each start is a new request id, so a double click starts
 * nobody twice.
 */
export function ManualRunDialog({
  flowId,
  flowName,
  latestVersion,
  onClose,
}: {
  flowId: string;
  flowName: string;
  latestVersion: number | null;
  onClose: () => void;
}) {
  const t = useMessages();
  const [patients, setPatients] = useState<DirectoryPatient[]>([]);
  const [requestId, setRequestId] = useState(newRequestId);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const start = useMutation({
    mutationFn: () =>
      manualRunsApi.start(flowId, { requestId, patientIds: patients.map((patient) => patient.id) }),
    onSuccess: () => {
      setNames(new Map(patients.map((patient) => [patient.id, patientLabel(patient)])));
      setPatients([]);
      setRequestId(newRequestId());
    },
  });
  const refusal = start.error instanceof ApiError ? start.error.errors : [];
  return (
    <Modal
      opened
      onClose={onClose}
      title={formatMessage(t.manualRunTitle, { flow: flowName })}
      size="lg"
      closeButtonProps={{ 'aria-label': t.close }}
    >
      <Stack>
        {latestVersion === null ? (
          <Text>{t.manualRunNotReady}</Text>
        ) : (
          <>
            <Text size="sm">{formatMessage(t.manualRunIntro, { version: latestVersion })}</Text>
            <PatientPicker multiple label={t.manualRunPatients} value={patients} onChange={setPatients} />
            {start.error && (
              <Alert color="red" role="alert" title={start.error.message}>
                {refusal.map((error, i) => (
                  <Text size="sm" key={i}>
                    {error.path}: {error.message}
                  </Text>
                ))}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t.close}
              </Button>
              <Button
                disabled={patients.length === 0}
                loading={start.isPending}
                onClick={() => start.mutate()}
              >
                {formatMessage(t.manualRunStart, { count: patients.length })}
              </Button>
            </Group>
          </>
        )}
        {start.data && (
          <section aria-label={t.manualRunStarted} role="status">
            <Title order={5}>{t.manualRunStarted}</Title>
            <List size="sm" spacing={4}>
              {start.data.runs.map((run) => (
                <List.Item key={run.patientId}>
                  <Group gap="xs">
                    <Text size="sm">{names.get(run.patientId) ?? run.patientId}</Text>
                    <Badge color={run.status ? 'green' : 'gray'} variant="light">
                      {run.status ? t[statusWords[run.status]] : t.runStatusNone}
                    </Badge>
                    {run.duplicate && (
                      <Text size="xs" c="dimmed">
                        {t.manualRunAlready}
                      </Text>
                    )}
                  </Group>
                </List.Item>
              ))}
            </List>
          </section>
        )}
      </Stack>
    </Modal>
  );
}
