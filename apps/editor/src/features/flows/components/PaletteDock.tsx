import type { NodeType } from '@clinicflow/rules';
import { Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import type { DragEvent } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import type { InsertPlace } from '../types/flowDiagram';
import { stepWords } from '../utils/stepWords';
import { StepIcon } from './StepIcon';
import { insertableTypes } from './StepPalette';

/** The drag payload's type: only our chips are accepted as drops on the canvas. */
export const stepDragType = 'application/x-clinicflow-step';

/**
 * The step types as chips to drag onto a connection, a "+", an exit or the empty canvas below a step (the
 * mouse way to insert; the "+" buttons and the outline do the same with a click or the keyboard, so the
 * chips are not tab stops).
 */
export function PaletteDock() {
  const t = useMessages();
  const onDragStart = (event: DragEvent<HTMLDivElement>, type: NodeType) => {
    event.dataTransfer.setData(stepDragType, type);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <Paper withBorder shadow="xs" p={6} w={116}>
      <Text size="xs" c="dimmed" mb={4}>
        {t.paletteDockTitle}
      </Text>
      <Stack gap={4}>
        {insertableTypes(false).map((type) => (
          <Tooltip key={type} label={t.paletteDockHint} openDelay={400} position="right">
            <Paper
              withBorder
              px={8}
              py={4}
              draggable
              onDragStart={(event) => onDragStart(event, type)}
              data-testid={`palette-${type}`}
              style={{ cursor: 'grab', userSelect: 'none' }}
            >
              <Group gap={4} wrap="nowrap">
                <StepIcon type={type} size={14} />
                <Text size="xs" fw={500}>
                  {t[stepWords.type[type]]}
                </Text>
              </Group>
            </Paper>
          </Tooltip>
        ))}
      </Stack>
    </Paper>
  );
}

/**
 * Where a drop puts the step: on the connection under it (its line, React Flow's wide invisible hit path, or
 * its "+"), or on the exit under it (the "+" of an exit that leads nowhere yet, or its handle). Null when the
 * step was dropped on none of them (the canvas then looks for a free exit above the drop).
 */
export function placeAtPoint(x: number, y: number): InsertPlace | null {
  // jsdom has no hit testing: the component tests then drop on the empty canvas
  for (const element of document.elementsFromPoint?.(x, y) ?? []) {
    const edge = element.closest<HTMLElement | SVGElement>('[data-edge-id], .react-flow__edge[data-id]');
    const edgeId = edge?.dataset.edgeId ?? edge?.dataset.id;
    if (edgeId) return { kind: 'edge', edgeId };
    const exit = element.closest<HTMLElement>('[data-exit-of]');
    if (exit?.dataset.exitOf && exit.dataset.exit)
      return { kind: 'exit', nodeId: exit.dataset.exitOf, exit: exit.dataset.exit };
    const handle = element.closest<HTMLElement>('.react-flow__handle.source');
    if (handle?.dataset.nodeid && handle.dataset.handleid)
      return { kind: 'exit', nodeId: handle.dataset.nodeid, exit: handle.dataset.handleid };
  }
  return null;
}
