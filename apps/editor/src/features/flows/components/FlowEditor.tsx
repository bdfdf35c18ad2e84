import type { ReplyRoutes } from '@clinicflow/channels/browser';
import type { Flow } from '@clinicflow/rules';
import {
  ActionIcon,
  Box,
  Button,
  Group,
  Paper,
  Modal,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowBackUp, IconArrowForwardUp, IconLayoutDistributeHorizontal } from '@tabler/icons-react';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState, type ReactNode } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import { FlowEditorContext, type FlowEditorActions } from '../hooks/flowEditorContext';
import { LitPathContext, type LitPath } from '../hooks/litPathContext';
import { useFlowEditor } from '../hooks/useFlowEditor';
import { ChooseBranchModal } from './ChooseBranchModal';
import { FlowCanvas } from './FlowCanvas';
import { FlowOutline } from './FlowOutline';
import { FlowProblems } from './FlowProblems';
import { LiveAnnouncer } from './LiveAnnouncer';
import { StepInspector } from './StepInspector';

/** Which view of the flow is shown: the canvas, or the outline (the same model as a list). */
export type FlowView = 'canvas' | 'outline';

/** The flow editor: toolbar, canvas or outline, inspector of the selected step and the validator's problems. */
export function FlowEditor({
  initialFlow,
  onChange,
  onStartOver,
  initialView = 'canvas',
  toolbar,
  aside,
  hint,
  overlay,
  replyRoutes,
  litPath = null,
}: {
  initialFlow: Flow;
  onChange: (flow: Flow) => void;
  /** Offered as "Start over" (after confirmation) when given. */
  onStartOver?: () => void;
  initialView?: FlowView;
  /** Extra toolbar items of the page (save state, publish, history, simulation). */
  toolbar?: ReactNode;
  /** A panel shown instead of the inspector (the simulation), given the editor's actions to select steps. */
  aside?: (actions: FlowEditorActions) => ReactNode;
  /** What the page says about where the draft is kept. */
  hint?: string;
  /** Shown over a corner of the canvas (the live overlay's feed). */
  overlay?: ReactNode;
  /** How the clinic's patients can answer questions (its settings): questions are checked against it. */
  replyRoutes?: ReplyRoutes;
  /** The path a simulation would take, lit on the canvas (null: none shown). */
  litPath?: LitPath | null;
}) {
  const t = useMessages();
  const [state, actions] = useFlowEditor(initialFlow, t, replyRoutes);
  const [view, setView] = useState<FlowView>(initialView);
  const [confirmingStartOver, setConfirmingStartOver] = useState(false);
  const { flow, validation } = state;
  useEffect(() => onChange(flow), [flow, onChange]);
  useHotkeys([
    ['mod+Z', actions.undo],
    ['mod+shift+Z', actions.redo],
    ['mod+Y', actions.redo],
  ]);
  const selected =
    state.selectedIds.length === 1 ? flow.nodes.find((node) => node.id === state.selectedIds[0]) : undefined;

  return (
    <FlowEditorContext.Provider value={actions}>
      <Stack gap="xs" h="calc(100vh - 88px)">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <TextInput
            aria-label={t.flowName}
            placeholder={t.untitledFlow}
            value={flow.name}
            onChange={(event) => actions.rename(event.currentTarget.value)}
            w={320}
          />
          <SegmentedControl
            aria-label={t.viewLabel}
            value={view}
            onChange={(value) => setView(value as FlowView)}
            data={[
              { value: 'canvas', label: t.viewCanvas },
              { value: 'outline', label: t.viewOutline },
            ]}
          />
          <Group gap="xs">
            <Tooltip label={t.undo}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t.undo}
                disabled={!state.canUndo}
                onClick={actions.undo}
              >
                <IconArrowBackUp size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t.redo}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t.redo}
                disabled={!state.canRedo}
                onClick={actions.redo}
              >
                <IconArrowForwardUp size={18} />
              </ActionIcon>
            </Tooltip>
            <Button
              variant="default"
              leftSection={<IconLayoutDistributeHorizontal size={16} />}
              onClick={actions.tidy}
              disabled={view !== 'canvas'}
            >
              {t.tidyUp}
            </Button>
            {onStartOver && (
              <Button variant="subtle" color="red" onClick={() => setConfirmingStartOver(true)}>
                {t.startOver}
              </Button>
            )}
            {toolbar}
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {t.shortcutsHint} · {hint ?? t.draftKept}
        </Text>
        <Group align="stretch" gap="sm" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
          <Paper withBorder style={{ flex: 1, minWidth: 0, position: 'relative', overflow: 'hidden' }}>
            {view === 'canvas' ? (
              <ReactFlowProvider>
                <LitPathContext.Provider value={litPath}>
                  <FlowCanvas
                    flow={flow}
                    problems={validation.problems}
                    selectedIds={state.selectedIds}
                    layoutCount={state.layoutCount}
                  />
                </LitPathContext.Provider>
              </ReactFlowProvider>
            ) : (
              <ScrollArea h="100%">
                <FlowOutline flow={flow} problems={validation.problems} selectedIds={state.selectedIds} />
              </ScrollArea>
            )}
            {view === 'canvas' && overlay}
          </Paper>
          <Box
            w={380}
            style={{ flexShrink: 0, display: 'flex', flexDirection: 'column', gap: 8, minHeight: 0 }}
          >
            {aside ? (
              <Paper withBorder style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
                {aside(actions)}
              </Paper>
            ) : (
              <>
                <Paper withBorder style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
                  <StepInspector
                    step={selected ?? null}
                    problems={validation.problems}
                    revision={state.revision}
                  />
                </Paper>
                <ScrollArea.Autosize mah={220}>
                  <FlowProblems flow={flow} problems={validation.problems} />
                </ScrollArea.Autosize>
              </>
            )}
          </Box>
        </Group>
      </Stack>
      <ChooseBranchModal flow={flow} pending={state.pendingRemoval} />
      <Modal opened={confirmingStartOver} onClose={() => setConfirmingStartOver(false)} title={t.startOver}>
        <Stack>
          <Text size="sm">{t.startOverConfirm}</Text>
          <Group>
            <Button color="red" onClick={() => onStartOver?.()}>
              {t.startOver}
            </Button>
            <Button variant="default" onClick={() => setConfirmingStartOver(false)}>
              {t.cancel}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <LiveAnnouncer message={state.announcement} />
    </FlowEditorContext.Provider>
  );
}
