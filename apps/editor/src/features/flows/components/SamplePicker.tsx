import { Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../../../api/apiClient';
import { useMessages } from '../../../i18n/useMessages';
import type {
  DirectoryAppointment,
  DirectoryLocation,
  DirectoryPatient,
  DirectoryResource,
} from '../utils/sampleFromDirectory';

type Page<T> = { items: T[] };

/**
 * Picks one of the clinic's patients and, optionally, one of their appointments (with its service,
 * practitioner and site) for the simulation's sample.
 */
export function SamplePicker({
  onPick,
}: {
  onPick: (patient: DirectoryPatient, appointment?: DirectoryAppointment) => void;
}) {
  const t = useMessages();
  const [patientId, setPatientId] = useState<string | null>(null);
  const patients = useQuery({
    queryKey: ['patients', 'sample'],
    queryFn: () => apiFetch<Page<DirectoryPatient>>('/patients?pageSize=100'),
  });
  const appointments = useQuery({
    queryKey: ['appointments', 'sample', patientId],
    queryFn: () => apiFetch<Page<DirectoryAppointment>>(`/appointments?patientId=${patientId}&pageSize=100`),
    enabled: patientId !== null,
  });
  const services = useQuery({
    queryKey: ['services', 'sample'],
    queryFn: () => apiFetch<Page<{ id: string; name: string }>>('/services?pageSize=100'),
  });
  const resources = useQuery({
    queryKey: ['resources', 'sample'],
    queryFn: () => apiFetch<Page<DirectoryResource>>('/resources?pageSize=100'),
  });
  const locations = useQuery({
    queryKey: ['locations', 'sample'],
    queryFn: () => apiFetch<Page<DirectoryLocation>>('/locations?pageSize=100'),
  });
  const serviceOf = (a: DirectoryAppointment) => services.data?.items.find((s) => s.id === a.serviceId);
  const resourceOf = (a: DirectoryAppointment) => resources.data?.items.find((r) => r.id === a.resourceId);
  const locationOf = (a: DirectoryAppointment) => locations.data?.items.find((l) => l.id === a.locationId);
  const patient = patients.data?.items.find((p) => p.id === patientId);
  return (
    <Group grow gap="xs" align="flex-end">
      <Select
        label={t.simulationPickPatient}
        placeholder={patients.data?.items.length === 0 ? t.simulationNoPatients : t.simulationSearch}
        searchable
        clearable
        data={(patients.data?.items ?? []).map((p) => ({
          value: p.id,
          label: [p.firstName, p.lastName].filter(Boolean).join(' ') || p.id,
        }))}
        value={patientId}
        onChange={(id) => {
          setPatientId(id);
          const picked = patients.data?.items.find((p) => p.id === id);
          if (picked) onPick(picked);
        }}
      />
      <Select
        label={t.simulationPickAppointment}
        disabled={!patient}
        data={(appointments.data?.items ?? []).map((a) => ({
          value: a.id,
          label: [
            new Date(a.start).toLocaleString(),
            serviceOf(a)?.name,
            resourceOf(a)?.name,
            `(${a.status ?? ''})`,
          ]
            .filter(Boolean)
            .join(' '),
        }))}
        value={null}
        onChange={(id) => {
          const picked = appointments.data?.items.find((a) => a.id === id);
          if (patient && picked) {
            onPick(patient, {
              ...picked,
              service: serviceOf(picked) ?? null,
              resource: resourceOf(picked) ?? null,
              location: locationOf(picked) ?? null,
            });
          }
        }}
      />
    </Group>
  );
}
