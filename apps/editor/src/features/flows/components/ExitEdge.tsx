import { ActionIcon, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import {
  BaseEdge,
  EdgeLabelRenderer,
  getSmoothStepPath,
  useInternalNode,
  type EdgeProps,
} from '@xyflow/react';
import { memo } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import { useFlowEditorActions } from '../hooks/useFlowEditorActions';
import type { ExitDiagramEdge, StepDiagramNode } from '../types/flowDiagram';
import { formatMessage } from '../utils/formatMessage';
import { exitWords } from '../utils/stepWords';
import { insertableTypes, StepPalette } from './StepPalette';

/** A connection with a "+" that inserts a step on it (a branch's name is on its handle, under the card). */
function ExitEdgeLine({ id, source, target, data, markerEnd, ...geometry }: EdgeProps<ExitDiagramEdge>) {
  const t = useMessages();
  const actions = useFlowEditorActions();
  const from = useInternalNode<StepDiagramNode>(source);
  const to = useInternalNode<StepDiagramNode>(target);
  const [path, labelX, labelY] = getSmoothStepPath({ ...geometry, borderRadius: 12 });
  const exit = data?.exit ?? 'next';
  // A branch's label and "+" sit just under its own handle, so branches that meet again never overlap.
  const [x, y] = exit === 'next' ? [labelX, labelY] : [geometry.sourceX, geometry.sourceY + 22];
  const name = (node: typeof from) => node?.data.summary ?? '';
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} />
      <EdgeLabelRenderer>
        <Group
          gap={4}
          className="nodrag nopan"
          data-edge-id={id}
          style={{
            position: 'absolute',
            transform: `translate(-50%, -50%) translate(${x}px, ${y}px)`,
            pointerEvents: 'all',
          }}
        >
          <StepPalette
            types={insertableTypes(false)}
            onPick={(type) => actions.insert({ kind: 'edge', edgeId: id }, type)}
          >
            <ActionIcon
              size="sm"
              radius="xl"
              variant="default"
              aria-label={
                exit === 'next'
                  ? formatMessage(t.addStepOnEdge, { from: name(from), to: name(to) })
                  : formatMessage(t.addStepOnExit, { exit: exitWords(t, exit), from: name(from) })
              }
            >
              <IconPlus size={14} />
            </ActionIcon>
          </StepPalette>
        </Group>
      </EdgeLabelRenderer>
    </>
  );
}

/** The memoised connection. */
export const ExitEdge = memo(ExitEdgeLine);
