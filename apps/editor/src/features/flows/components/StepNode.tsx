import { nodeExits } from '@clinicflow/rules';
import { ActionIcon, Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import { useFlowEditorActions } from '../hooks/useFlowEditorActions';
import { useStepLit } from '../hooks/litPathContext';
import type { StepDiagramNode } from '../types/flowDiagram';
import { StepActivityBadges } from '../live/StepActivityBadges';
import { formatMessage } from '../utils/formatMessage';
import { stepCardWidth } from '../utils/stepCardWidth';
import { exitWords, stepWords } from '../utils/stepWords';
import { StepIcon } from './StepIcon';
import { insertableTypes, StepPalette } from './StepPalette';

/** Where the n-th of `count` exit handles sits along the bottom edge, in percent (layout uses the same). */
const exitLeft = (index: number, count: number) => `${((index + 1) * 100) / (count + 1)}%`;

/** One card of the canvas, for every step type: icon, name, one-line summary, problems, warnings and typed exits. */
function StepNodeCard({ id, data, selected }: NodeProps<StepDiagramNode>) {
  const t = useMessages();
  const actions = useFlowEditorActions();
  const { step, summary, problems, warnings = [], openExits } = data;
  // an error outweighs a warning: the card shows the warnings only once nothing blocks publishing
  const flagged = problems.length > 0 ? 'red' : warnings.length > 0 ? 'yellow' : null;
  const exits = nodeExits[step.type];
  const title = step.data?.label || t[stepWords.type[step.type]];
  const branching = exits.length > 1;
  // a simulation's or a run's path: its steps outlined in teal, the others faded
  const lit = useStepLit(id);
  return (
    <Paper
      withBorder
      shadow={selected ? 'md' : 'xs'}
      radius="md"
      p="xs"
      w={stepCardWidth(step.type)}
      pb={branching ? 28 : 'xs'}
      style={{
        borderColor: flagged
          ? `var(--mantine-color-${flagged}-7)`
          : selected
            ? 'var(--mantine-color-blue-7)'
            : lit === 'on'
              ? 'var(--mantine-color-teal-7)'
              : undefined,
        borderWidth: selected || flagged || lit === 'on' ? 2 : 1,
        opacity: lit === 'off' ? 0.55 : undefined,
      }}
      data-testid={`step-${id}`}
      data-lit={lit ?? undefined}
    >
      {step.type !== 'trigger' && <Handle type="target" position={Position.Top} isConnectable />}
      <Stack gap={4}>
        <Group gap={6} wrap="nowrap">
          <StepIcon type={step.type} step={step} />
          <Text size="sm" fw={600} truncate="end">
            {title}
          </Text>
          {problems.length > 0 && (
            <Tooltip label={problems.join('\n')} multiline w={280} withinPortal>
              <Badge color="red" size="sm" variant="filled" ml="auto">
                {formatMessage(t.problemsCount, { count: problems.length })}
              </Badge>
            </Tooltip>
          )}
          {problems.length === 0 && warnings.length > 0 && (
            <Tooltip label={warnings.join('\n')} multiline w={280} withinPortal>
              <Badge color="yellow" c="dark.8" size="sm" variant="filled" ml="auto">
                {formatMessage(t.warningsCount, { count: warnings.length })}
              </Badge>
            </Tooltip>
          )}
        </Group>
        <Text size="xs">{summary}</Text>
        {problems.length > 0 && (
          <Text size="xs" c="red.8" lineClamp={2}>
            {problems[0]}
          </Text>
        )}
        {problems.length === 0 && warnings.length > 0 && (
          <Text size="xs" c="orange.9" lineClamp={3} data-testid={`warning-${id}`}>
            {warnings[0]}
          </Text>
        )}
        <StepActivityBadges nodeId={id} />
      </Stack>
      {exits.map((exit, index) => (
        <Handle
          key={exit}
          id={exit}
          type="source"
          position={Position.Bottom}
          style={{ left: exitLeft(index, exits.length) }}
          isConnectable={openExits.includes(exit)}
        >
          {branching && (
            <Text
              size="11px"
              fw={700}
              c="gray.8"
              style={{ position: 'absolute', bottom: 6, transform: 'translateX(-50%)', whiteSpace: 'nowrap' }}
            >
              {exitWords(t, exit)}
            </Text>
          )}
        </Handle>
      ))}
      {openExits.map((exit) => (
        <div
          key={exit}
          className="nodrag nopan"
          data-exit-of={id}
          data-exit={exit}
          style={{
            position: 'absolute',
            top: '100%',
            left: exitLeft(exits.indexOf(exit), exits.length),
            transform: 'translate(-50%, 8px)',
          }}
        >
          <StepPalette
            types={insertableTypes(true)}
            onPick={(type) => actions.insert({ kind: 'exit', nodeId: id, exit }, type)}
          >
            <ActionIcon
              size="sm"
              radius="xl"
              variant="light"
              aria-label={formatMessage(t.addStepOnExit, { exit: exitWords(t, exit), from: title })}
            >
              <IconPlus size={14} />
            </ActionIcon>
          </StepPalette>
        </div>
      ))}
    </Paper>
  );
}

/** The memoised card; the same component serves every step type. */
export const StepNode = memo(StepNodeCard);
