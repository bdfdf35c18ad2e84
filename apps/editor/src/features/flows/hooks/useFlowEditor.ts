import { replyRouteCheck, type ReplyRoutes } from '@clinicflow/channels/browser';
import { validateFlow, type Flow, type FlowNode } from '@clinicflow/rules';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Messages } from '../../../i18n/messages';
import type { FlowClipboard, StepSize } from '../types/flowDiagram';
import { connectSteps, type ConnectionRefusal } from '../utils/connectSteps';
import { copySteps } from '../utils/copySteps';
import { deleteStep } from '../utils/deleteStep';
import { flowHistoryReducer, startHistory, type FlowHistoryAction } from '../utils/flowHistoryReducer';
import { formatMessage } from '../utils/formatMessage';
import { insertStep } from '../utils/insertStep';
import { layoutFlowDiagram } from '../utils/layoutFlowDiagram';
import { pasteSteps } from '../utils/pasteSteps';
import { summarizeStep } from '../utils/summarizeStep';
import { withPositions } from '../utils/withPositions';
import type { FlowEditorActions } from './flowEditorContext';

/** A deletion waiting for the user to say which branch to keep. */
export interface PendingRemoval {
  stepId: string;
  exits: string[];
}

/** The state of the editor that the screens show. */
export interface FlowEditorState {
  flow: Flow;
  selectedIds: string[];
  canUndo: boolean;
  canRedo: boolean;
  pendingRemoval: PendingRemoval | null;
  announcement: string;
  /** Grows each time the automatic layout placed the steps (the canvas then zooms to fit). */
  layoutCount: number;
  /** Grows on each undo and redo: forms showing step data start again from the flow. */
  revision: number;
  validation: ReturnType<typeof validateFlow>;
}

const refusals: Record<ConnectionRefusal, keyof Messages> = {
  cycle: 'refusedCycle',
  'exit-used': 'refusedExitUsed',
  'to-trigger': 'refusedToTrigger',
  'unknown-exit': 'refusedConnection',
  'unknown-step': 'refusedConnection',
};

/**
 * The flow editor's model: the undo history of flow documents, the selection, the clipboard and the
 * automatic layout after every structural change. The actions are stable, so memoised cards never
 * re-render because of them. With the clinic's `replyRoutes` (its settings), a question whose answer cannot
 * come back is a problem on its card, as publishing says (F4).
 */
export function useFlowEditor(
  initialFlow: Flow,
  t: Messages,
  replyRoutes?: ReplyRoutes,
): [FlowEditorState, FlowEditorActions] {
  const [history, setHistory] = useState(() => startHistory(initialFlow));
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [pendingRemoval, setPendingRemoval] = useState<PendingRemoval | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [layoutCount, setLayoutCount] = useState(0);
  const [revision, setRevision] = useState(0);
  const historyRef = useRef(history);
  const selectedRef = useRef<string[]>([]);
  const clipboardRef = useRef<FlowClipboard | null>(null);
  const measuredRef = useRef(new Map<string, StepSize>());
  const messagesRef = useRef(t);
  useEffect(() => {
    messagesRef.current = t;
  }, [t]);

  const actions = useMemo<FlowEditorActions>(() => {
    const apply = (action: FlowHistoryAction) => {
      historyRef.current = flowHistoryReducer(historyRef.current, action);
      setHistory(historyRef.current);
    };
    const present = () => historyRef.current.present;
    const say = (message: string) => setAnnouncement(message);
    const stepName = (node: FlowNode | undefined) => (node ? summarizeStep(node, messagesRef.current) : '');
    const select = (ids: string[]) => {
      selectedRef.current = ids;
      setSelectedIds(ids);
    };
    const layout = async (flow: Flow) => {
      const nodes = flow.nodes.map((node) => ({ ...node, measured: measuredRef.current.get(node.id) }));
      const positions = await layoutFlowDiagram(nodes, flow.edges);
      const before = historyRef.current;
      apply({ type: 'replace', flow: withPositions(flow, positions), base: flow });
      if (historyRef.current !== before) setLayoutCount((count) => count + 1);
    };
    const commitStructure = (flow: Flow) => {
      apply({ type: 'commit', flow });
      void layout(flow);
    };
    const remove = (stepId: string, keepExit?: string) => {
      const step = present().nodes.find((node) => node.id === stepId);
      const result = deleteStep(present(), stepId, keepExit);
      if (result.status === 'refused') {
        if (result.reason === 'trigger') say(messagesRef.current.cannotDeleteTrigger);
        return;
      }
      if (result.status === 'choose-branch') {
        setPendingRemoval({ stepId, exits: result.exits });
        return;
      }
      setPendingRemoval(null);
      commitStructure(result.flow);
      select(selectedRef.current.filter((id) => result.flow.nodes.some((node) => node.id === id)));
      say(formatMessage(messagesRef.current.announceDeleted, { step: stepName(step) }));
    };
    return {
      insert(place, type) {
        const result = insertStep(present(), place, type);
        if (!result) {
          say(messagesRef.current.refusedInsert);
          return;
        }
        commitStructure(result.flow);
        select([result.stepId]);
        const added = result.flow.nodes.find((node) => node.id === result.stepId);
        say(formatMessage(messagesRef.current.announceAdded, { step: stepName(added) }));
      },
      remove,
      cancelRemove: () => setPendingRemoval(null),
      connect(source, exit, target) {
        const result = connectSteps(present(), source, exit, target);
        if (result.status === 'refused') {
          say(messagesRef.current[refusals[result.reason]]);
          return;
        }
        commitStructure(result.flow);
        say(messagesRef.current.announceConnected);
      },
      updateData(stepId, data, mergeKey) {
        const flow = present();
        const nodes = flow.nodes.map((node) => (node.id === stepId ? ({ ...node, data } as FlowNode) : node));
        apply({ type: 'commit', flow: { ...flow, nodes }, mergeKey: mergeKey ?? `data:${stepId}` });
      },
      move(positions) {
        const flow = present();
        const next = withPositions(flow, positions);
        if (next.nodes.some((node, i) => node !== flow.nodes[i])) apply({ type: 'commit', flow: next });
      },
      rename(name) {
        apply({ type: 'commit', flow: { ...present(), name }, mergeKey: 'name' });
      },
      select,
      copy() {
        const clipboard = copySteps(present(), selectedRef.current);
        if (clipboard.nodes.length === 0) return;
        clipboardRef.current = clipboard;
        say(formatMessage(messagesRef.current.announceCopied, { count: clipboard.nodes.length }));
      },
      paste() {
        if (!clipboardRef.current) return;
        // beside the copied steps rather than on top of them
        const result = pasteSteps(present(), clipboardRef.current, { x: 320, y: 40 });
        apply({ type: 'commit', flow: result.flow });
        select(result.stepIds);
        say(formatMessage(messagesRef.current.announcePasted, { count: result.stepIds.length }));
      },
      undo() {
        if (historyRef.current.past.length === 0) return say(messagesRef.current.announceNothingToUndo);
        apply({ type: 'undo' });
        setRevision((count) => count + 1);
        say(messagesRef.current.announceUndo);
      },
      redo() {
        if (historyRef.current.future.length === 0) return say(messagesRef.current.announceNothingToRedo);
        apply({ type: 'redo' });
        setRevision((count) => count + 1);
        say(messagesRef.current.announceRedo);
      },
      tidy() {
        void layout(present());
      },
      measure(sizes) {
        for (const [id, size] of Object.entries(sizes)) measuredRef.current.set(id, size);
      },
      announce: say,
    };
  }, []);

  const flow = history.present;
  const validation = useMemo(
    () => validateFlow(flow, { replyRoute: replyRoutes ? replyRouteCheck(replyRoutes) : undefined }),
    [flow, replyRoutes],
  );
  const state: FlowEditorState = {
    flow,
    selectedIds,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    pendingRemoval,
    announcement,
    layoutCount,
    revision,
    validation,
  };
  return [state, actions];
}
