import type { NodeType } from '@clinicflow/rules';
import { Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import type { DragEvent } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import { stepWords } from '../utils/stepWords';
import { StepIcon } from './StepIcon';
import { insertableTypes } from './StepPalette';

/** The drag payload's type: only our chips are accepted as drops on the canvas. */
export const stepDragType = 'application/x-clinicflow-step';

/**
 * The step types as chips to drag onto a connection of the canvas (the mouse way to insert; the "+" on
 * each connection and the outline do the same with a click or the keyboard, so the chips are not tab stops).
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
 * The connection under a drop: its line (React Flow's wide invisible hit path) or its "+" button. Null
 * when the step was dropped elsewhere.
 */
export function edgeAtPoint(x: number, y: number): string | null {
  for (const element of document.elementsFromPoint(x, y)) {
    const holder = element.closest<HTMLElement | SVGElement>('[data-edge-id], .react-flow__edge[data-id]');
    const id = holder?.dataset.edgeId ?? holder?.dataset.id;
    if (id) return id;
  }
  return null;
}
