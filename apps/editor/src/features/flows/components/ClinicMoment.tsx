import { Text } from '@mantine/core';
import type { ClinicClock } from '../../../clock';
import { clinicLocalToInstant } from '../../send/utils/clinicDateTime';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../utils/formatMessage';

/**
 * A clinic-local day and time read back in the interface's format with the clinic's zone ("Tue, 12/05/2026,
 * 10:00, the clinic's time (Europe/Paris)"): the browser's date and time pickers show its own format and cannot
 * say which zone they mean.
 */
export function ClinicMoment({ clock, day, time }: { clock: ClinicClock; day: string; time: string }) {
  const t = useMessages();
  const at = day && time ? clinicLocalToInstant(`${day}T${time}`, clock.timeZone) : null;
  if (!at) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="clinic-moment">
      {formatMessage(t.simulationReadsAs, { when: clock.weekdayDateTime(at), zone: clock.timeZone })}
    </Text>
  );
}
