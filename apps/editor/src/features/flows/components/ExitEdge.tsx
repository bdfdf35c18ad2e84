import { nodeExits } from '@clinicflow/rules';
import { ActionIcon, Badge, Group } from '@mantine/core';
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
import { useEdgeLit } from '../hooks/litPathContext';
import type { ExitDiagramEdge, StepDiagramNode } from '../types/flowDiagram';
import { branchTurnY } from '../utils/branchTurnY';
import { formatMessage } from '../utils/formatMessage';
import { exitWords } from '../utils/stepWords';
import { insertableTypes, StepPalette } from './StepPalette';

/** A connection on a simulation's or a run's path is drawn thick and teal; one off it fades. */
const litEdgeStyle = {
  on: { stroke: 'var(--mantine-color-teal-7)', strokeWidth: 3 },
  off: { opacity: 0.4 },
  none: undefined,
};

/**
 * A connection with a "+" that inserts a step on it. A branch's name is on its handle, under the card, and
 * again on its line where it turns towards its step, so a line can be followed by its name.
 */
function ExitEdgeLine({ id, source, target, data, markerEnd, ...geometry }: EdgeProps<ExitDiagramEdge>) {
  const t = useMessages();
  const actions = useFlowEditorActions();
  const lit = useEdgeLit(id);
  const from = useInternalNode<StepDiagramNode>(source);
  const to = useInternalNode<StepDiagramNode>(target);
  const exit = data?.exit ?? 'next';
  const exitIndex = from ? nodeExits[from.data.step.type].indexOf(exit) : -1;
  const branch = exit !== 'next' && exitIndex >= 0;
  const centerY = branch ? branchTurnY(geometry.sourceY, geometry.targetY, exitIndex) : undefined;
  const [path, labelX, labelY] = getSmoothStepPath({ ...geometry, borderRadius: 12, centerY });
  // a branch that goes sideways carries its name on its horizontal run
  const sideways = branch && Math.abs(geometry.targetX - geometry.sourceX) > 90;
  // A branch's label and "+" sit just under its own handle, so branches that meet again never overlap.
  const [x, y] = exit === 'next' ? [labelX, labelY] : [geometry.sourceX, geometry.sourceY + 22];
  const name = (node: typeof from) => node?.data.summary ?? '';
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={litEdgeStyle[lit ?? 'none']} />
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
        {sideways && (
          <Badge
            size="xs"
            variant="light"
            color="gray"
            tt="none"
            className="nodrag nopan"
            data-testid={`edge-label-${id}`}
            style={{
              position: 'absolute',
              transform: `translate(-50%, -50%) translate(${(geometry.sourceX + geometry.targetX) / 2}px, ${centerY}px)`,
            }}
          >
            {exitWords(t, exit)}
          </Badge>
        )}
      </EdgeLabelRenderer>
    </>
  );
}

/** The memoised connection. */
export const ExitEdge = memo(ExitEdgeLine);
