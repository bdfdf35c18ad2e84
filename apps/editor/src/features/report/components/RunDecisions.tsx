import { List, Text } from '@mantine/core';
import type { Messages } from '../../../i18n/messages';
import { useMessages } from '../../../i18n/useMessages';
import type { DeliveryDetail } from '../api/reportApi';
import { formatWhen } from '../utils/deliveryWords';

type Step = NonNullable<DeliveryDetail['run']>['steps'][number];

function outcomeWord(t: Messages, outcome: string): string {
  const words: Record<string, string> = {
    passed: t.outcomePassed,
    planned: t.outcomePlanned,
    skipped: t.outcomeSkipped,
    waiting: t.outcomeWaiting,
    ended: t.outcomeEnded,
  };
  return words[outcome] ?? outcome;
}

/** The steps of the run that planned this message, each with its outcome and the reason given (S4). */
export function RunDecisions({ steps }: { steps: Step[] }) {
  const t = useMessages();
  if (steps.length === 0) return null;
  return (
    <List size="xs" spacing={2} data-testid="drawer-decisions">
      {steps.map((step, i) => (
        <List.Item key={i}>
          <Text span size="xs" c="dimmed">
            {formatWhen(step.at)}{' '}
          </Text>
          <Text span size="xs" fw={500}>
            {step.nodeId}
          </Text>{' '}
          <Text span size="xs">
            {outcomeWord(t, step.outcome)}
            {step.exit ? ` → ${step.exit}` : ''}
            {step.reason ? ` (${step.reason})` : ''}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
