import { Text, type TextProps } from '@mantine/core';
import { formatMessage } from '../features/flows/utils/formatMessage';
import { useMessages } from '../i18n/useMessages';
import type { ClinicClock } from './clinicClock';

/** Says in which zone the times around it are, where a user could doubt it (a report, a simulation, a run). */
export function ClinicZoneNote({ clock, ...props }: { clock: ClinicClock | null } & TextProps) {
  const t = useMessages();
  if (!clock) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="clinic-zone" {...props}>
      {formatMessage(t.clockClinicTime, { zone: clock.timeZone })}
    </Text>
  );
}
