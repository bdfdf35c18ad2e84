import { Select, Stack, type ComboboxParsedItem } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../../../api/apiClient';
import type { ClinicClock } from '../../../clock';
import type { Messages } from '../../../i18n/messages';
import { useMessages } from '../../../i18n/useMessages';
import { usePatientSearch } from '../../patients/hooks/usePatientSearch';
import { formatMessage } from '../utils/formatMessage';
import type {
  DirectoryAppointment,
  DirectoryLocation,
  DirectoryPatient,
  DirectoryResource,
} from '../utils/sampleFromDirectory';
import { stepWords } from '../utils/stepWords';

type Page<T> = { items: T[] };
type NextVisit = { patientId: string; appointment: { start: string } };

/** How a patient reads in the search: name, birth date and next visit, so that two Léa Martin differ. */
export function patientChoiceLabel(
  t: Messages,
  clock: ClinicClock | null,
  patient: DirectoryPatient,
  nextVisit?: string,
): string {
  const name = [patient.firstName, patient.lastName].filter(Boolean).join(' ') || '—';
  const born =
    patient.birthDate && clock
      ? formatMessage(t.simulationPatientBorn, { date: clock.day(patient.birthDate) })
      : null;
  const next =
    nextVisit && clock
      ? formatMessage(t.simulationPatientNextVisit, { when: clock.dateTime(nextVisit) })
      : null;
  return [name, born, next].filter(Boolean).join(' · ');
}

/**
 * Searches the clinic's patients on the server (name, number, e-mail), each shown with their birth date and
 * next visit, then one of the picked patient's appointments, in clinic time with its service, practitioner and
 * status. The appointment comes with its service, practitioner and site as the clinic has them.
 */
export function SamplePatientSearch({
  clock,
  patient,
  onPick,
}: {
  clock: ClinicClock | null;
  patient: DirectoryPatient | null;
  onPick: (patient: DirectoryPatient | null, appointment: DirectoryAppointment | null) => void;
}) {
  const t = useMessages();
  const [search, setSearch] = useState('');
  const [appointmentId, setAppointmentId] = useState<string | null>(null);
  const results = usePatientSearch(search);
  const found = results.data?.items ?? [];
  const shown = patient && !found.some((p) => p.id === patient.id) ? [patient, ...found] : found;
  const ids = shown.map((p) => p.id);
  const nextVisits = useQuery({
    queryKey: ['next-visits', ids],
    queryFn: () =>
      apiFetch<Page<NextVisit>>(
        `/appointments/next-visits?patientIds=${ids.map(encodeURIComponent).join(',')}`,
      ),
    enabled: ids.length > 0,
    staleTime: 30_000,
  });
  const nextOf = new Map(nextVisits.data?.items.map((v) => [v.patientId, v.appointment.start]));
  const appointments = useQuery({
    queryKey: ['appointments', 'sample', patient?.id],
    queryFn: () =>
      apiFetch<Page<DirectoryAppointment>>(
        `/appointments?patientId=${encodeURIComponent(patient!.id)}&pageSize=100`,
      ),
    enabled: patient !== null,
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
  const statusKeys: Record<string, keyof Messages> = stepWords.status;
  const appointmentLabel = (a: DirectoryAppointment) =>
    [
      clock ? clock.weekdayDateTime(a.start) : '',
      serviceOf(a)?.name,
      resourceOf(a)?.name,
      a.status && statusKeys[a.status] ? `(${t[statusKeys[a.status]]})` : null,
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <Stack gap="xs">
      <Select
        label={t.simulationPickPatient}
        placeholder={t.patientSearchPlaceholder}
        searchable
        clearable
        searchValue={search}
        onSearchChange={setSearch}
        // the API searched already (accents, phone numbers): show what it found as it is
        filter={({ options }: { options: ComboboxParsedItem[] }) => options}
        nothingFoundMessage={results.isFetching ? t.loading : t.patientSearchNone}
        data={shown.map((p) => ({ value: p.id, label: patientChoiceLabel(t, clock, p, nextOf.get(p.id)) }))}
        value={patient?.id ?? null}
        onChange={(id) => {
          setAppointmentId(null);
          onPick(shown.find((p) => p.id === id) ?? null, null);
        }}
      />
      <Select
        label={t.simulationPickAppointment}
        disabled={!patient}
        data={(appointments.data?.items ?? []).map((a) => ({ value: a.id, label: appointmentLabel(a) }))}
        value={appointmentId}
        onChange={(id) => {
          const picked = appointments.data?.items.find((a) => a.id === id);
          setAppointmentId(picked ? picked.id : null);
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
    </Stack>
  );
}
