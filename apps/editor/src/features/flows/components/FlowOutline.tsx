import { isBlockingProblem, type Flow, type RulesProblem } from '@clinicflow/rules';
import { ActionIcon, Badge, Box, Group, Text, Title, UnstyledButton } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, type KeyboardEvent } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import { useFlowEditorActions } from '../hooks/useFlowEditorActions';
import { useStepNames } from '../hooks/useStepNames';
import type { InsertPlace } from '../types/flowDiagram';
import { buildFlowOutline } from '../utils/buildFlowOutline';
import { formatMessage } from '../utils/formatMessage';
import { exitWords } from '../utils/stepWords';
import { summarizeStep } from '../utils/summarizeStep';
import { ConnectMenu } from './ConnectMenu';
import { StepIcon } from './StepIcon';
import { insertableTypes, StepPalette } from './StepPalette';

function AddButton({ place, label }: { place: InsertPlace; label: string }) {
  const actions = useFlowEditorActions();
  return (
    <StepPalette
      types={insertableTypes(place.kind === 'exit')}
      onPick={(type) => actions.insert(place, type)}
    >
      <ActionIcon size="sm" variant="subtle" aria-label={label}>
        <IconPlus size={14} />
      </ActionIcon>
    </StepPalette>
  );
}

/** The flow as an indented list of steps, editable with the keyboard alone (same model as the canvas). */
export function FlowOutline({
  flow,
  problems,
  selectedIds,
}: {
  flow: Flow;
  problems: readonly RulesProblem[];
  selectedIds: readonly string[];
}) {
  const t = useMessages();
  const actions = useFlowEditorActions();
  const names = useStepNames();
  const rows = useMemo(() => buildFlowOutline(flow), [flow]);
  const byId = useMemo(() => new Map(flow.nodes.map((node) => [node.id, node])), [flow]);
  const problemCount = (id: string) =>
    problems.filter((problem) => problem.nodeId === id && isBlockingProblem(problem)).length;
  const warningCount = (id: string) =>
    problems.filter((problem) => problem.nodeId === id && !isBlockingProblem(problem)).length;
  const name = (id: string) => {
    const step = byId.get(id);
    return step ? summarizeStep(step, t, names) : id;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const current = (event.target as HTMLElement).closest<HTMLElement>('[data-outline-step]');
    if (!current) return;
    const all = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-outline-step]')];
    const index = all.indexOf(current);
    const stepId = current.dataset.outlineStep as string;
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      all[Math.min(all.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      actions.remove(stepId);
    } else if (mod && event.key.toLowerCase() === 'c') {
      actions.select([stepId]);
      actions.copy();
    } else if (mod && event.key.toLowerCase() === 'v') {
      event.preventDefault();
      actions.paste();
    }
  };

  return (
    <Box component="section" aria-labelledby="flow-outline-title" p="md">
      <Title order={4} id="flow-outline-title" mb="xs">
        {t.outlineTitle}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t.outlineLabel}
      </Text>
      <Box
        component="ul"
        aria-label={t.outlineTitle}
        onKeyDown={onKeyDown}
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
      >
        {rows.map((row) => (
          <Box component="li" key={row.key} pl={row.depth * 24} py={2}>
            {row.kind === 'step' && (
              <Group gap={4} wrap="nowrap">
                <UnstyledButton
                  data-outline-step={row.stepId}
                  aria-pressed={selectedIds.includes(row.stepId)}
                  onClick={() => actions.select([row.stepId])}
                  px={6}
                  py={2}
                  style={{
                    borderRadius: 4,
                    background: selectedIds.includes(row.stepId)
                      ? 'var(--mantine-color-blue-light)'
                      : undefined,
                  }}
                >
                  <Group gap={6} wrap="nowrap">
                    <StepIcon
                      type={byId.get(row.stepId)?.type ?? 'end'}
                      step={byId.get(row.stepId)}
                      size={16}
                    />
                    <Text size="sm">{name(row.stepId)}</Text>
                    {problemCount(row.stepId) > 0 && (
                      <Badge color="red" size="xs">
                        {formatMessage(t.problemsCount, { count: problemCount(row.stepId) })}
                      </Badge>
                    )}
                    {problemCount(row.stepId) === 0 && warningCount(row.stepId) > 0 && (
                      <Badge color="yellow" c="dark.8" size="xs">
                        {formatMessage(t.warningsCount, { count: warningCount(row.stepId) })}
                      </Badge>
                    )}
                  </Group>
                </UnstyledButton>
                {row.addPlace && (
                  <AddButton
                    place={row.addPlace}
                    label={formatMessage(t.outlineAddAfter, { step: name(row.stepId) })}
                  />
                )}
                {row.addPlace?.kind === 'exit' && (
                  <ConnectMenu flow={flow} stepId={row.stepId} exit={row.addPlace.exit} />
                )}
                {byId.get(row.stepId)?.type !== 'trigger' && (
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="red"
                    aria-label={formatMessage(t.deleteNamedStep, { step: name(row.stepId) })}
                    onClick={() => actions.remove(row.stepId)}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                )}
              </Group>
            )}
            {row.kind === 'branch' && (
              <Group gap={4}>
                <Text size="sm" fw={600}>
                  {formatMessage(t.outlineBranch, { exit: exitWords(t, row.exit) })}
                </Text>
                <AddButton
                  place={row.addPlace}
                  label={formatMessage(t.outlineAddOnExit, { exit: exitWords(t, row.exit) })}
                />
                {row.addPlace.kind === 'exit' && (
                  <ConnectMenu flow={flow} stepId={row.stepId} exit={row.exit} />
                )}
              </Group>
            )}
            {row.kind === 'shared' && (
              <Text size="sm" c="dimmed">
                {formatMessage(t.outlineShared, { step: name(row.stepId) })}
              </Text>
            )}
            {row.kind === 'unconnected' && (
              <Text size="sm" fw={600} c="orange.9" mt="sm">
                {t.outlineNotConnected}
              </Text>
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
