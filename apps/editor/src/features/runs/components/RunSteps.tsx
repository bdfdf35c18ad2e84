import type { FlowNode } from '@clinicflow/rules';
import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import type { ClinicClock } from '../../../clock';
import { channelLabel } from '../../../i18n/channelWords';
import type { Messages } from '../../../i18n/messages';
import { useMessages } from '../../../i18n/useMessages';
import { useReasonWords } from '../../../i18n/useReasonWords';
import { formatMessage } from '../../flows/utils/formatMessage';
import { stepCardName } from '../../flows/utils/stepCardName';
import { exitWords, stepWords } from '../../flows/utils/stepWords';
import type { RunDecision } from '../api/runsApi';

/** What a step decided, in the clinic's words: "went on by “yes”", "SMS planned for 12/05/2026 18:00"… */
export function decisionWords(t: Messages, step: RunDecision, clock: ClinicClock | null): string {
  const when = (at: string) => (clock ? clock.dateTime(at) : '');
  switch (step.outcome) {
    case 'planned':
      return step.message
        ? formatMessage(t.runDecisionPlanned, {
            channel: channelLabel(t, step.message.channel),
            when: when(step.message.sendAt),
          })
        : formatMessage(t.runDecisionPlanned, { channel: '', when: when(step.at) }).trim();
    case 'skipped':
      return t.runDecisionSkipped;
    case 'waiting':
      return formatMessage(t.runDecisionWaiting, { when: when(step.at) });
    case 'ended':
      return t.runDecisionEnded;
    default:
      return step.exit && (step.exit !== 'next' || step.kind === 'reply')
        ? formatMessage(t.runDecisionBranch, { exit: exitWords(t, step.exit) })
        : t.runDecisionPassed;
  }
}

/**
 * When a step decided: a wait's and a planned message's own time is the moment they wait for (it is in their
 * words), so they are dated by the decision before them, when the run reached them.
 */
function decidedAt(steps: readonly RunDecision[], index: number): string {
  const step = steps[index];
  const ahead = step.outcome === 'waiting' || step.outcome === 'planned';
  return ahead && index > 0 ? steps[index - 1].at : step.at;
}

/**
 * A run's decisions, in order: when (clinic time), the step by its card's name (never its id), what it decided
 * and why, in the user's language. A run an engine error stopped offers "retry from this step" on the step it
 * stopped at; a step picked (click) is shown on the canvas when the page has one.
 */
export function RunSteps({
  steps,
  nodes,
  clock,
  retryFrom = null,
  onRetry,
  retrying = false,
  onPickStep,
}: {
  steps: readonly RunDecision[];
  /** The steps of the run's flow version (their names); while it loads, each step is named by its kind. */
  nodes: readonly FlowNode[] | undefined;
  clock: ClinicClock | null;
  retryFrom?: string | null;
  onRetry?: () => void;
  retrying?: boolean;
  onPickStep?: (nodeId: string) => void;
}) {
  const t = useMessages();
  const say = useReasonWords();
  const byId = new Map(nodes?.map((node) => [node.id, node]));
  const nameOf = (step: RunDecision) => {
    if (step.kind === 'reply') return t.runDecisionReply;
    const node = byId.get(step.nodeId);
    if (node) return stepCardName(node, t);
    const typeKey = stepWords.type[step.kind as keyof typeof stepWords.type];
    return typeKey ? t[typeKey] : '…';
  };
  // the retry is offered once, on the last decision at the step the run stopped at (its trigger for a start)
  const retryIndex = retryFrom ? steps.map((s) => s.nodeId).lastIndexOf(retryFrom) : -1;
  return (
    <Stack gap="xs">
      <List size="sm" spacing={6} data-testid="run-decisions">
        {steps.map((step, i) => {
          const reason = say(step.why, step.reason);
          return (
            <List.Item key={i} data-testid="run-decision">
              <Text span size="xs" c="dimmed">
                {clock ? clock.dateTime(decidedAt(steps, i)) : ''}{' '}
              </Text>
              {onPickStep ? (
                <Button
                  variant="subtle"
                  size="compact-xs"
                  px={2}
                  onClick={() => onPickStep(step.nodeId)}
                  fw={600}
                  data-testid="run-decision-step"
                >
                  {nameOf(step)}
                </Button>
              ) : (
                <Text span size="xs" fw={600} data-testid="run-decision-step">
                  {nameOf(step)}
                </Text>
              )}{' '}
              <Text span size="xs">
                {decisionWords(t, step, clock)}
              </Text>
              {reason && (
                <Text size="xs" c="dimmed">
                  {reason}
                </Text>
              )}
              {i === retryIndex && onRetry && <RetryHere onRetry={onRetry} retrying={retrying} />}
            </List.Item>
          );
        })}
      </List>
      {retryFrom && retryIndex < 0 && onRetry && <RetryHere onRetry={onRetry} retrying={retrying} />}
    </Stack>
  );
}

function RetryHere({ onRetry, retrying }: { onRetry: () => void; retrying: boolean }) {
  const t = useMessages();
  return (
    <Alert color="orange" p="xs" mt={4}>
      <Text size="xs">{t.runRetryHint}</Text>
      <Button
        size="xs"
        mt={4}
        leftSection={<IconPlayerPlay size={14} />}
        onClick={onRetry}
        loading={retrying}
      >
        {t.runRetry}
      </Button>
    </Alert>
  );
}
