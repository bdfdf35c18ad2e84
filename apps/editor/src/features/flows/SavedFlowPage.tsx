import type { Flow } from '@clinicflow/rules';
import { Alert, Button, Center, Group, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHistory, IconPlayerPlay, IconUpload, IconUsers } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useClinicClock } from '../../clock';
import { useMessages } from '../../i18n/useMessages';
import { flowsApi, type FlowView } from './api/flowsApi';
import { FlowEditor } from './components/FlowEditor';
import { ManualRunDialog } from './components/ManualRunDialog';
import { PublishDialog } from './components/PublishDialog';
import { ReplaceDraftDialog } from './components/ReplaceDraftDialog';
import { SaveIndicator } from './components/SaveIndicator';
import { SimulationPanel } from './components/SimulationPanel';
import type { LitPath } from './hooks/litPathContext';
import { stepCardName } from './utils/stepCardName';
import { VersionHistory } from './components/VersionHistory';
import { draftSavesSettled, useDraftAutosave } from './hooks/useDraftAutosave';
import { useReplyRoutes } from './hooks/useReplyRoutes';
import { FlowLiveProvider, LiveFeed, LiveStatus } from './live';
import { readDraftBackup } from './utils/draftBackup';
import { formatMessage } from './utils/formatMessage';
import { summarizeStep } from './utils/summarizeStep';

/** What the editor was opened on: the draft (or this browser's unsaved change of it) and a remount key. */
interface Opened {
  view: FlowView;
  flow: Flow;
  restoredUnsaved: boolean;
  key: number;
}

function open(view: FlowView, key: number): Opened {
  const backup = readDraftBackup(view.id);
  // a change made from the revision the API still has was not saved yet (reload, closed tab): keep it
  const unsaved = backup && backup.revision === view.revision ? backup.flow : null;
  return { view, flow: unsaved ?? view.draft, restoredUnsaved: unsaved !== null, key };
}

/** The first event the flow's trigger listens to: what the simulation starts with. */
function triggerEvent(flow: Flow): string {
  const trigger = flow.nodes.find((node) => node.type === 'trigger');
  const events = (trigger?.data as { events?: string[] } | undefined)?.events;
  return events?.[0] ?? 'appointment.booked';
}

/** The flow's name, and whether its trigger lists `manual` (staff may then run it for patients they pick). */
function shapeOf(flow: Flow): { name: string; byHand: boolean } {
  const trigger = flow.nodes.find((node) => node.type === 'trigger');
  const events = (trigger?.data as { events?: string[] } | undefined)?.events ?? [];
  return { name: flow.name, byHand: events.includes('manual') };
}

/**
 * `/flows/:flowId`: a saved flow's draft on the canvas, autosaved, with publish, history and simulation, and,
 * for a flow started by hand, running it for chosen patients.
 *
 * The draft is read from the API every time the page opens, once the saves this page made before (leaving it
 * saves what is waiting) have been answered: a copy kept in the query cache would be the draft as it was
 * when the page last read it, and editing it would overwrite the steps saved since.
 */
export default function SavedFlowPage() {
  const { flowId = '' } = useParams();
  const query = useQuery({
    queryKey: ['flow', flowId],
    queryFn: async () => {
      await draftSavesSettled(flowId);
      return flowsApi.get(flowId);
    },
    staleTime: 0,
    gcTime: 0,
    refetchOnMount: 'always',
  });
  if (query.error)
    return (
      <Alert color="red" role="alert">
        {query.error.message}
      </Alert>
    );
  if (!query.data || !query.isFetchedAfterMount)
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  return <SavedFlowEditor initial={query.data} />;
}

function SavedFlowEditor({ initial }: { initial: FlowView }) {
  const t = useMessages();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(() => open(initial, 0));
  const [latestVersion, setLatestVersion] = useState(initial.latestVersion);
  const [panel, setPanel] = useState<'publish' | 'history' | 'manual-run' | 'replace' | null>(null);
  // this page's version when "keep mine" was asked for: what the replace dialog compares with theirs
  const [mine, setMine] = useState<Flow | null>(null);
  // what the toolbar needs of the draft as it is edited: its name and whether staff may run it by hand
  const [shape, setShape] = useState(() => shapeOf(opened.flow));
  const [simulating, setSimulating] = useState(false);
  // the draft as edited (the simulation marks its results out of date on a change) and the path it lit
  const [draft, setDraft] = useState(opened.flow);
  const [litPath, setLitPath] = useState<LitPath | null>(null);
  const autosave = useDraftAutosave(initial.id, initial, t.untitledFlow);
  const replyRoutes = useReplyRoutes();
  const flowRef = useRef(opened.flow);
  // when the other version was saved, in the clinic's time with its zone (the reader may be elsewhere)
  const clock = useClinicClock();
  const clinicTime = (at: string) => (clock ? `${clock.dateTime(at)} (${clock.timeZone})` : '');

  const { change } = autosave;
  const onChange = useCallback(
    (flow: Flow) => {
      flowRef.current = flow;
      setDraft(flow);
      const next = shapeOf(flow);
      setShape((current) => (current.name === next.name && current.byHand === next.byHand ? current : next));
      if (flow === opened.flow && !opened.restoredUnsaved) return;
      change(flow);
    },
    [opened, change],
  );
  const reopen = (view: FlowView) => {
    autosave.reset(view);
    setOpened((previous) => open(view, previous.key + 1));
    setShape(shapeOf(view.draft));
    void queryClient.invalidateQueries({ queryKey: ['flows'] });
  };
  const reloadTheirs = async () => reopen(await flowsApi.get(initial.id));
  const cardName = (nodeId: string) => {
    const node = flowRef.current.nodes.find((n) => n.id === nodeId);
    return node ? stepCardName(node, t) : nodeId;
  };
  const stepName = (nodeId: string) => {
    const node = flowRef.current.nodes.find((n) => n.id === nodeId);
    return node ? summarizeStep(node, t) : nodeId;
  };
  const openPublish = async () => {
    await autosave.flush();
    setPanel('publish');
  };

  const toolbar = (
    <>
      <LiveStatus />
      <SaveIndicator status={autosave.status} />
      <Button
        variant={simulating ? 'filled' : 'default'}
        leftSection={<IconPlayerPlay size={16} />}
        onClick={() => setSimulating((on) => !on)}
        aria-pressed={simulating}
      >
        {t.simulate}
      </Button>
      <Button variant="default" leftSection={<IconHistory size={16} />} onClick={() => setPanel('history')}>
        {t.history}
      </Button>
      {shape.byHand && (
        <Button
          variant="default"
          leftSection={<IconUsers size={16} />}
          onClick={() => setPanel('manual-run')}
        >
          {t.manualRunOpen}
        </Button>
      )}
      <Button leftSection={<IconUpload size={16} />} onClick={() => void openPublish()}>
        {t.publish}
      </Button>
    </>
  );

  return (
    <FlowLiveProvider
      flowId={initial.id}
      published={latestVersion !== null}
      initiallyEnabled={initial.enabled}
      stepName={stepName}
    >
      {autosave.status === 'conflict' && (
        <Alert color="orange" role="alert" title={t.conflictTitle} mb="xs">
          {autosave.stale
            ? formatMessage(t.conflictSavedBy, { by: autosave.stale.by, time: clinicTime(autosave.stale.at) })
            : autosave.message}
          <Group mt="xs">
            <Button size="xs" color="orange" onClick={() => void reloadTheirs()}>
              {t.conflictLoadTheirs}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                setMine(flowRef.current);
                setPanel('replace');
              }}
            >
              {t.conflictKeepMine}
            </Button>
          </Group>
        </Alert>
      )}
      {autosave.status === 'error' && (
        <Alert color="red" role="alert" mb="xs">
          {formatMessage(t.saveFailed, { reason: autosave.message ?? '' })}
          <Button size="xs" variant="default" ml="sm" onClick={() => void autosave.flush()}>
            {t.retry}
          </Button>
        </Alert>
      )}
      <FlowEditor
        key={opened.key}
        initialFlow={opened.flow}
        onChange={onChange}
        toolbar={toolbar}
        hint={t.draftAutosaved}
        overlay={<LiveFeed />}
        replyRoutes={replyRoutes}
        litPath={simulating ? litPath : null}
        aside={
          simulating
            ? (actions) => (
                <SimulationPanel
                  flowId={initial.id}
                  flow={draft}
                  defaultEvent={triggerEvent(flowRef.current)}
                  beforeRun={autosave.flush}
                  stepName={cardName}
                  onPickStep={(nodeId) => actions.select([nodeId])}
                  onPath={setLitPath}
                  onClose={() => setSimulating(false)}
                />
              )
            : undefined
        }
      />
      {panel === 'publish' && (
        <PublishDialog
          flowId={initial.id}
          latestVersion={latestVersion}
          problems={autosave.problems}
          stepName={stepName}
          onClose={() => setPanel(null)}
          onPublished={(version, running) => {
            setLatestVersion(version.version);
            setPanel(null);
            notifications.show({
              color: 'green',
              message: [
                formatMessage(t.publishedVersion, { version: version.version }),
                running === 'turned-on' ? t.publishedAndOn : running === 'off' ? t.publishedStillOff : '',
              ].join(' '),
            });
            void queryClient.invalidateQueries({ queryKey: ['flows'] });
            void queryClient.invalidateQueries({ queryKey: ['flow-versions', initial.id] });
          }}
        />
      )}
      {panel === 'replace' && mine && (
        <ReplaceDraftDialog
          flowId={initial.id}
          mine={mine}
          onClose={() => setPanel(null)}
          onReplace={async () => {
            await autosave.overwrite();
            setPanel(null);
          }}
        />
      )}
      {panel === 'manual-run' && (
        <ManualRunDialog
          flowId={initial.id}
          flowName={shape.name}
          latestVersion={latestVersion}
          onClose={() => setPanel(null)}
        />
      )}
      {panel === 'history' && (
        <VersionHistory
          flowId={initial.id}
          revision={autosave.revision}
          beforeRestore={autosave.flush}
          onClose={() => setPanel(null)}
          onRestored={(view) => {
            setPanel(null);
            reopen(view);
          }}
        />
      )}
    </FlowLiveProvider>
  );
}
