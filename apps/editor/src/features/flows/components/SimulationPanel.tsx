import { triggerEventSchema } from '@clinicflow/rules';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  CloseButton,
  Group,
  JsonInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import dayjs from 'dayjs';
import { flowsApi } from '../api/flowsApi';
import { sampleFromDirectory } from '../utils/sampleFromDirectory';
import { SamplePicker } from './SamplePicker';
import { clinicLocalTime, defaultSimulationForm, simulationRequestOf } from '../utils/simulationSample';

const kindColours: Record<string, string> = {
  send: 'green',
  skip: 'gray',
  wait: 'blue',
  reply: 'violet',
  condition: 'yellow',
  trigger: 'cyan',
  end: 'dark',
};

/**
 * Simulation of the saved draft (`POST /api/flows/:id/simulate`): a sample to edit, the event, scripted
 * replies and a horizon; the timeline in the clinic's local time with the texts and every skip's reason.
 * A row selects its step on the canvas.
 */
export function SimulationPanel({
  flowId,
  defaultEvent,
  beforeRun,
  stepName,
  onPickStep,
  onClose,
}: {
  flowId: string;
  defaultEvent: string;
  beforeRun: () => Promise<void>;
  stepName: (nodeId: string) => string;
  onPickStep: (nodeId: string) => void;
  onClose: () => void;
}) {
  const t = useMessages();
  const [form, setForm] = useState(() => defaultSimulationForm(defaultEvent));
  const [picked, setPicked] = useState<number | null>(null);
  const run = useMutation({
    mutationFn: async () => {
      await beforeRun();
      return flowsApi.simulate(flowId, simulationRequestOf(form));
    },
  });
  const setReply = (index: number, patch: Partial<{ at: string; text: string }>) =>
    setForm((f) => ({ ...f, replies: f.replies.map((r, i) => (i === index ? { ...r, ...patch } : r)) }));
  const result = run.data;
  return (
    <Stack p="sm" gap="xs">
      <Group justify="space-between">
        <Title order={4}>{t.simulationTitle}</Title>
        <CloseButton aria-label={t.close} onClick={onClose} />
      </Group>
      <Select
        label={t.simulationEvent}
        data={triggerEventSchema.options}
        value={form.eventType}
        onChange={(value) => value && setForm((f) => ({ ...f, eventType: value }))}
        allowDeselect={false}
      />
      <TextInput
        label={t.simulationEventAt}
        description={t.simulationTimeHint}
        value={form.eventAt}
        onChange={(e) => setForm({ ...form, eventAt: e.currentTarget.value })}
      />
      <SamplePicker
        onPick={(patient, appointment) =>
          setForm((f) => ({
            ...f,
            sample: sampleFromDirectory(f.sample, patient, appointment),
            // a real appointment: booked ten days before, simulated until two days after
            ...(appointment && {
              eventAt: dayjs(appointment.start).subtract(10, 'day').toISOString(),
              until: dayjs(appointment.start).add(2, 'day').toISOString(),
            }),
          }))
        }
      />
      <JsonInput
        label={t.simulationSample}
        description={t.simulationSampleHint}
        autosize
        minRows={4}
        maxRows={10}
        validationError={t.invalidJson}
        value={form.sample}
        onChange={(sample) => setForm((f) => ({ ...f, sample }))}
      />
      <Text size="sm" fw={500}>
        {t.simulationReplies}
      </Text>
      {form.replies.map((reply, i) => (
        <Group key={i} gap={4} wrap="nowrap">
          <TextInput
            aria-label={t.simulationReplyAt}
            placeholder="2026-05-11T18:05:00+02:00"
            value={reply.at}
            onChange={(e) => setReply(i, { at: e.currentTarget.value })}
            style={{ flex: 2 }}
          />
          <TextInput
            aria-label={t.simulationReplyText}
            placeholder="C"
            value={reply.text}
            onChange={(e) => setReply(i, { text: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            aria-label={t.simulationRemoveReply}
            onClick={() => setForm((f) => ({ ...f, replies: f.replies.filter((_, j) => j !== i) }))}
          >
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        size="xs"
        variant="subtle"
        leftSection={<IconPlus size={14} />}
        onClick={() => setForm((f) => ({ ...f, replies: [...f.replies, { at: '', text: '' }] }))}
      >
        {t.simulationAddReply}
      </Button>
      <TextInput
        label={t.simulationUntil}
        value={form.until}
        onChange={(e) => setForm({ ...form, until: e.currentTarget.value })}
      />
      <Button onClick={() => run.mutate()} loading={run.isPending}>
        {t.simulationRun}
      </Button>
      {run.error && (
        <Alert color="red" role="alert">
          {run.error instanceof SyntaxError ? t.invalidJson : run.error.message}
        </Alert>
      )}
      {result && !result.valid && (
        <Alert color="red" role="alert" title={t.simulationInvalid}>
          {result.errors.map((error, i) => (
            <Text size="sm" key={i}>
              {error.message}
            </Text>
          ))}
        </Alert>
      )}
      {result?.valid && result.timeline.length === 0 && <Text c="dimmed">{t.simulationNothing}</Text>}
      {result?.valid && result.timeline.length > 0 && (
        <Table aria-label={t.simulationTimeline} highlightOnHover verticalSpacing={4} fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.simulationWhen}</Table.Th>
              <Table.Th>{t.simulationWhat}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.timeline.map((entry, i) => (
              <Table.Tr
                key={i}
                data-testid="timeline-row"
                tabIndex={0}
                aria-selected={picked === i}
                bg={picked === i ? 'var(--mantine-color-blue-light)' : undefined}
                style={{ cursor: 'pointer' }}
                onClick={() => {
                  setPicked(i);
                  onPickStep(entry.nodeId);
                }}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter' && e.key !== ' ') return;
                  e.preventDefault();
                  setPicked(i);
                  onPickStep(entry.nodeId);
                }}
              >
                <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                  {clinicLocalTime(entry.local)}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge size="xs" color={entry.status === 'skipped' ? 'gray' : kindColours[entry.kind]}>
                      {entry.status === 'skipped' ? t.simulationSkipped : entry.kind}
                    </Badge>
                    <Text size="xs" fw={500}>
                      {stepName(entry.nodeId)}
                    </Text>
                  </Group>
                  {entry.text && (
                    <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                      {entry.text}
                    </Text>
                  )}
                  {entry.reason && (
                    <Text size="xs" c="dimmed">
                      {entry.reason}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
