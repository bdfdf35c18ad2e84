import { Alert, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { formatMessage } from '../flows/utils/formatMessage';
import type { DirectoryPatient, ErasureReport } from './api/patientsApi';
import { PatientPicker } from './components/PatientPicker';
import { PatientPrivacyActions } from './components/PatientPrivacyActions';

/**
 * `/patients` (managers): find a patient, then export everything the clinic holds about them or erase them
 * (docs/privacy.md). The patients themselves come from the practice software; nothing else is edited here.
 */
export default function PatientsPage() {
  const t = useMessages();
  const [patient, setPatient] = useState<DirectoryPatient | null>(null);
  const [erased, setErased] = useState<{ name: string; report: ErasureReport } | null>(null);
  return (
    <Stack maw={720}>
      <Title order={2}>{t.patientsTitle}</Title>
      <Text size="sm" c="dimmed">
        {t.patientsIntro}
      </Text>
      <PatientPicker
        label={t.patientsFind}
        value={patient}
        onChange={(chosen) => {
          setPatient(chosen);
          if (chosen) setErased(null);
        }}
      />
      {patient && (
        <PatientPrivacyActions
          key={patient.id}
          patient={patient}
          onErased={(report) => {
            setErased({ name: [patient.firstName, patient.lastName].filter(Boolean).join(' '), report });
            setPatient(null);
          }}
        />
      )}
      {erased && (
        <Alert color="green" role="status">
          {formatMessage(t.patientsErased, { name: erased.name, ...erased.report })}
        </Alert>
      )}
    </Stack>
  );
}
