import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ClinicClock } from '../../../clock';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../utils/formatMessage';
import { ScriptedMoment } from './ScriptedMoment';
import type { ScriptedReply } from '../utils/simulationForm';

/**
 * The patient's replies during the simulation, each read as a sentence ("replies OUI on Tue 12/05/2026 at
 * 18:05") with its text, day and time in the clinic's zone.
 */
export function ScriptedReplies({
  replies,
  onChange,
  clock,
  defaultDay,
}: {
  replies: ScriptedReply[];
  onChange: (replies: ScriptedReply[]) => void;
  clock: ClinicClock | null;
  /** The day a new reply starts on (the appointment's eve, say). */
  defaultDay: string;
}) {
  const t = useMessages();
  const set = (index: number, patch: Partial<ScriptedReply>) =>
    onChange(replies.map((reply, i) => (i === index ? { ...reply, ...patch } : reply)));
  const sentence = (reply: ScriptedReply) =>
    formatMessage(t.simulationReplySentence, {
      text: reply.text.trim() || '…',
      day: clock && reply.day ? clock.longDay(reply.day) : reply.day,
      time: reply.time,
    });
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t.simulationReplies}
      </Text>
      {replies.map((reply, i) => (
        <Stack key={i} gap={2} data-testid="scripted-reply">
          <Group gap={4} wrap="nowrap" align="flex-end">
            <TextInput
              size="xs"
              label={t.simulationReplyText}
              placeholder="OUI"
              value={reply.text}
              onChange={(e) => set(i, { text: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
            <ScriptedMoment
              day={reply.day}
              time={reply.time}
              labels={{
                day: t.simulationReplyDay,
                time: t.simulationReplyAt,
                remove: t.simulationRemoveReply,
              }}
              onChange={(moment) => set(i, moment)}
              onRemove={() => onChange(replies.filter((_, j) => j !== i))}
            />
          </Group>
          <Text size="xs" c="dimmed" data-testid="scripted-reply-sentence">
            {sentence(reply)}
          </Text>
        </Stack>
      ))}
      <Button
        size="xs"
        variant="subtle"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange([...replies, { text: '', day: defaultDay, time: '18:05' }])}
      >
        {t.simulationAddReply}
      </Button>
    </Stack>
  );
}
