import { ActionIcon, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

/**
 * The day and time (clinic-local) of something scripted in a simulation, a reply or a receipt, and the button
 * that removes it: the end of its row.
 */
export function ScriptedMoment({
  day,
  time,
  labels,
  onChange,
  onRemove,
}: {
  day: string;
  time: string;
  labels: { day: string; time: string; remove: string };
  onChange: (moment: { day: string; time: string }) => void;
  onRemove: () => void;
}) {
  return (
    <>
      <TextInput
        size="xs"
        type="date"
        label={labels.day}
        value={day}
        onChange={(e) => onChange({ day: e.currentTarget.value, time })}
        style={{ flex: 1.4 }}
      />
      <TextInput
        size="xs"
        type="time"
        label={labels.time}
        value={time}
        onChange={(e) => onChange({ day, time: e.currentTarget.value })}
        style={{ flex: 1 }}
      />
      <ActionIcon variant="subtle" aria-label={labels.remove} onClick={onRemove} mb={4}>
        <IconTrash size={14} />
      </ActionIcon>
    </>
  );
}
