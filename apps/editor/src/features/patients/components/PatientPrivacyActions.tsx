import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { saveFile } from '../../../api/saveFile';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import { patientsApi, type DirectoryPatient, type ErasureReport } from '../api/patientsApi';

/**
 * A manager's actions on one patient's data: export everything held about them (JSON or a readable page) and
 * erase them, after a dialog that says what goes. `onErased` is told once the patient is gone.
 */
export function PatientPrivacyActions({
  patient,
  onErased,
}: {
  patient: DirectoryPatient;
  onErased: (report: ErasureReport) => void;
}) {
  const t = useMessages();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const name = [patient.firstName, patient.lastName].filter(Boolean).join(' ');
  const exportAll = useMutation({
    mutationFn: (format: 'json' | 'html') => patientsApi.exportAll(patient.id, format),
    onSuccess: (file) => saveFile(file.blob, file.fileName),
  });
  const erase = useMutation({
    mutationFn: () => patientsApi.erase(patient.id),
    onSuccess: async (report) => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: ['patients'] });
      onErased(report);
    },
  });
  return (
    <Stack>
      <Group>
        <Button variant="default" loading={exportAll.isPending} onClick={() => exportAll.mutate('json')}>
          {t.patientsExportJson}
        </Button>
        <Button variant="default" loading={exportAll.isPending} onClick={() => exportAll.mutate('html')}>
          {t.patientsExportHtml}
        </Button>
        <Button color="red" variant="light" onClick={() => setConfirming(true)}>
          {t.patientsErase}
        </Button>
      </Group>
      {exportAll.error && (
        <Alert color="red">
          {formatMessage(t.patientsExportFailed, { reason: exportAll.error.message })}
        </Alert>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={formatMessage(t.patientsEraseTitle, { name })}
      >
        <Stack>
          <Text size="sm">{t.patientsEraseConsequences}</Text>
          {erase.error && (
            <Alert color="red">{formatMessage(t.patientsEraseFailed, { reason: erase.error.message })}</Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t.patientsEraseCancel}
            </Button>
            <Button color="red" loading={erase.isPending} onClick={() => erase.mutate()}>
              {t.patientsEraseConfirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
