import { Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import type { ClinicClock } from '../../../clock';
import { languageLabel } from '../../../i18n/languageWords';
import { useMessages } from '../../../i18n/useMessages';
import type { MadeUpAppointment, SampleDirectory } from '../utils/simulationForm';
import { ClinicMoment } from './ClinicMoment';

/** The languages a sample patient may speak (the clinics' seeds: France, Spain, Norway, Italy, Germany). */
const LANGUAGES = ['fr', 'en', 'es', 'nb', 'it', 'de'];

/**
 * A made-up patient and appointment: names and language, the day and time in the clinic's zone (the browser's
 * date and time pickers), the clinic's service and practitioner, and how it was booked.
 */
export function SampleForm({
  value,
  onChange,
  directory,
  clock,
  error,
}: {
  value: MadeUpAppointment;
  onChange: (patch: Partial<MadeUpAppointment>) => void;
  directory: SampleDirectory;
  clock: ClinicClock;
  error?: string;
}) {
  const t = useMessages();
  return (
    <Stack gap="xs">
      <Group grow gap="xs">
        <TextInput
          label={t.simulationFirstName}
          value={value.firstName}
          onChange={(e) => onChange({ firstName: e.currentTarget.value })}
        />
        <TextInput
          label={t.simulationLastName}
          value={value.lastName}
          onChange={(e) => onChange({ lastName: e.currentTarget.value })}
        />
      </Group>
      <Select
        label={t.simulationLanguage}
        data={LANGUAGES.map((code) => ({ value: code, label: languageLabel(t, code) }))}
        value={value.language}
        onChange={(language) => language && onChange({ language })}
        allowDeselect={false}
      />
      <Group grow gap="xs" align="flex-start">
        <TextInput
          type="date"
          label={t.simulationAppointmentDay}
          value={value.day}
          onChange={(e) => onChange({ day: e.currentTarget.value })}
          error={error}
          required
        />
        <TextInput
          type="time"
          label={t.simulationAppointmentTime}
          value={value.time}
          onChange={(e) => onChange({ time: e.currentTarget.value })}
          required
        />
      </Group>
      <ClinicMoment clock={clock} day={value.day} time={value.time} />
      <Select
        label={t.simulationService}
        data={directory.services.map((s) => ({ value: s.id, label: s.name }))}
        value={value.serviceId}
        onChange={(serviceId) => onChange({ serviceId })}
        // picking the chosen one again keeps it (a click should never clear what it names)
        allowDeselect={false}
        clearable
      />
      <Select
        label={t.simulationPractitioner}
        data={directory.resources.map((r) => ({ value: r.id, label: r.name }))}
        value={value.resourceId}
        onChange={(resourceId) => onChange({ resourceId })}
        allowDeselect={false}
        clearable
      />
      <div>
        <Text size="sm" fw={500} id="sample-booked-by">
          {t.simulationBookedBy}
        </Text>
        <SegmentedControl
          size="xs"
          aria-labelledby="sample-booked-by"
          value={value.source}
          onChange={(source) => onChange({ source: source as MadeUpAppointment['source'] })}
          data={[
            { value: 'online', label: t.simulationBookedOnline },
            { value: 'staff', label: t.simulationBookedByStaff },
          ]}
        />
      </div>
    </Stack>
  );
}
