import type { TimelineEntry } from '@clinicflow/rules';
import { Badge, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ClinicClock } from '../../../clock';
import { channelLabel } from '../../../i18n/channelWords';
import type { Messages } from '../../../i18n/messages';
import { useMessages } from '../../../i18n/useMessages';
import { useReasonWords } from '../../../i18n/useReasonWords';
import { formatMessage } from '../utils/formatMessage';
import { stepWords } from '../utils/stepWords';

const kindColours: Record<string, string> = {
  send: 'green',
  skip: 'gray',
  wait: 'blue',
  reply: 'violet',
  condition: 'yellow',
  trigger: 'cyan',
  end: 'dark',
};

// timeline lines that are not steps of the flow: named by their own word, and nothing to pick on the canvas
const notSteps = new Map<string, keyof Messages>([
  ['reply', 'simulationKindReply'],
  ['receipt', 'simulationKindReceipt'],
]);

const kindWords: Record<TimelineEntry['kind'], keyof Messages> = {
  trigger: 'simulationKindTrigger',
  condition: 'simulationKindCondition',
  wait: 'simulationKindWait',
  send: 'simulationKindSend',
  reply: 'simulationKindReply',
  skip: 'simulationKindSkip',
  end: 'simulationKindEnd',
};

/**
 * The simulation's timeline, in time order and clinic time: what each step does, the message as the patient
 * reads it, and every skip's reason in the user's language. A row (click, Enter or Space) picks its step on the
 * canvas. `stale` results stay readable but faded, under the warning that says so.
 */
export function SimulationTimeline({
  timeline,
  clock,
  stepName,
  onPickStep,
  stale,
}: {
  timeline: TimelineEntry[];
  clock: ClinicClock | null;
  stepName: (nodeId: string) => string;
  onPickStep: (nodeId: string) => void;
  stale: boolean;
}) {
  const t = useMessages();
  const say = useReasonWords();
  const [picked, setPicked] = useState<number | null>(null);
  const pick = (index: number, nodeId: string) => {
    setPicked(index);
    if (!notSteps.has(nodeId)) onPickStep(nodeId);
  };
  const nameOf = (entry: TimelineEntry) => {
    if (entry.nodeId === 'receipt' && entry.channel)
      return formatMessage(t.simulationReceiptOf, { channel: channelLabel(t, entry.channel) });
    const own = notSteps.get(entry.nodeId);
    return own ? t[own] : stepName(entry.nodeId);
  };
  return (
    <Table
      aria-label={t.simulationTimeline}
      highlightOnHover
      verticalSpacing={4}
      fz="xs"
      data-stale={stale || undefined}
      style={{ opacity: stale ? 0.5 : undefined }}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t.simulationWhen}</Table.Th>
          <Table.Th>{t.simulationWhat}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {timeline.map((entry, i) => {
          const skipped = entry.status === 'skipped';
          const reason = say(entry.why, entry.reason);
          const also = (entry.also ?? []).map((why) => say(why)).filter(Boolean);
          return (
            <Table.Tr
              key={i}
              data-testid="timeline-row"
              data-kind={entry.kind}
              tabIndex={0}
              aria-selected={picked === i}
              bg={picked === i ? 'var(--mantine-color-blue-light)' : undefined}
              style={{ cursor: 'pointer' }}
              onClick={() => pick(i, entry.nodeId)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' && e.key !== ' ') return;
                e.preventDefault();
                pick(i, entry.nodeId);
              }}
            >
              <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }} data-testid="timeline-when">
                {clock ? clock.weekdayDateTime(entry.at) : ''}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge size="xs" color={skipped ? 'gray' : kindColours[entry.kind]}>
                    {t[kindWords[skipped ? 'skip' : entry.kind]]}
                  </Badge>
                  <Text size="xs" fw={500}>
                    {nameOf(entry)}
                  </Text>
                </Group>
                {entry.channel && entry.recipient && entry.kind === 'send' && (
                  <Text size="xs" c="dimmed">
                    {formatMessage(t.simulationTo, {
                      channel: channelLabel(t, entry.channel),
                      recipient: t[stepWords.toRecipient[entry.recipient]],
                    })}
                  </Text>
                )}
                {entry.text && (
                  <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                    {entry.text}
                  </Text>
                )}
                {[reason, ...also].filter(Boolean).map((line, j) => (
                  <Text size="xs" c="dimmed" key={j}>
                    {line}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
