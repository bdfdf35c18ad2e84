import type { Flow } from '@clinicflow/rules';
import { Alert, Button, CloseButton, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { apiFetch } from '../../../api/apiClient';
import { ClinicZoneNote, useClinicClock } from '../../../clock';
import { useMessages } from '../../../i18n/useMessages';
import { flowsApi, type SimulationRequest } from '../api/flowsApi';
import type { LitPath } from '../hooks/litPathContext';
import { pathTaken } from '../utils/pathTaken';
import type { DirectoryResource } from '../utils/sampleFromDirectory';
import {
  defaultSimulationForm,
  simulationRequestOf,
  SimulationInputError,
  type SampleDirectory,
  type SimulationForm,
} from '../utils/simulationForm';
import { SimulationSetup } from './SimulationSetup';
import { SimulationTimeline } from './SimulationTimeline';

type Page<T> = { items: T[] };

/** What decides a simulation's outcome in a flow: its steps and connections, not where the cards sit. */
function flowKeyOf(flow: Pick<Flow, 'nodes' | 'edges' | 'settings'>): string {
  return JSON.stringify({
    nodes: flow.nodes.map(({ position: _position, ...node }) => node),
    edges: flow.edges,
    settings: flow.settings ?? null,
  });
}

/** The clinic's services and practitioners, for the made-up appointment. */
function useSampleDirectory(): { directory: SampleDirectory; ready: boolean } {
  const services = useQuery({
    queryKey: ['services', 'sample'],
    queryFn: () => apiFetch<Page<{ id: string; name: string }>>('/services?pageSize=100'),
  });
  const resources = useQuery({
    queryKey: ['resources', 'sample'],
    queryFn: () => apiFetch<Page<DirectoryResource>>('/resources?pageSize=100'),
  });
  const directory = useMemo(
    () => ({ services: services.data?.items ?? [], resources: resources.data?.items ?? [] }),
    [services.data, resources.data],
  );
  return { directory, ready: !services.isPending && !resources.isPending };
}

/**
 * Simulation of the saved draft (`POST /api/flows/:id/simulate`) for people: a patient of the clinic or a
 * made-up appointment, what happens and when in clinic time, the patient's replies, the receipts of a "Reach
 * the patient" step's messages, how far to look; the timeline in time order with the texts and every skip's
 * reason in the user's words, the path it takes lit on the canvas (`onPath`), and results marked out of date
 * as soon as an input or the flow changes.
 */
export function SimulationPanel({
  flowId,
  flow,
  defaultEvent,
  beforeRun,
  stepName,
  onPickStep,
  onPath,
  onClose,
}: {
  flowId: string;
  /** The draft as it is being edited: a change marks the results out of date, and lights the path on it. */
  flow: Flow;
  defaultEvent: string;
  beforeRun: () => Promise<void>;
  stepName: (nodeId: string) => string;
  onPickStep: (nodeId: string) => void;
  onPath?: (path: LitPath | null) => void;
  onClose: () => void;
}) {
  const t = useMessages();
  const clock = useClinicClock();
  const { directory, ready } = useSampleDirectory();
  const [edited, setEdited] = useState<SimulationForm | null>(null);
  const [shownError, setShownError] = useState<SimulationInputError | null>(null);
  const [ranKey, setRanKey] = useState<string | null>(null);
  const zone = clock?.timeZone;
  // the form's dates are the clinic's: it starts once the clinic's zone (and its directory) is known
  const initial = useMemo(
    () => (zone && ready ? defaultSimulationForm(defaultEvent, new Date(), zone, directory) : null),
    [zone, ready, defaultEvent, directory],
  );
  const form = edited ?? initial;
  const hasReach = flow.nodes.some((node) => node.type === 'reach');
  const setForm = (update: (form: SimulationForm) => SimulationForm) => {
    setShownError(null);
    if (form) setEdited(update(form));
  };
  const attempt = useMemo((): { request: SimulationRequest | null; error: SimulationInputError | null } => {
    if (!form || !zone) return { request: null, error: null };
    try {
      // receipts the user no longer sees (the last "Reach the patient" step deleted) must not change the run
      const asked = hasReach ? form : { ...form, receipts: [] };
      return { request: simulationRequestOf(asked, directory, zone), error: null };
    } catch (error) {
      if (error instanceof SimulationInputError) return { request: null, error };
      throw error;
    }
  }, [form, directory, zone, hasReach]);
  const currentKey = `${JSON.stringify(attempt.request)}|${flowKeyOf(flow)}`;
  const run = useMutation({
    mutationFn: async ({ request }: { request: SimulationRequest; key: string }) => {
      await beforeRun();
      return flowsApi.simulate(flowId, request);
    },
    onSuccess: (_answer, { key }) => setRanKey(key),
  });
  const result = run.data;
  const stale = result !== undefined && ranKey !== currentKey;
  const shownPath = useMemo(
    () =>
      result?.valid && !stale
        ? pathTaken(
            flow,
            result.timeline.map((entry) => ({ nodeId: entry.nodeId, exit: entry.exit ?? null })),
          )
        : null,
    [result, stale, flow],
  );
  useEffect(() => onPath?.(shownPath), [shownPath, onPath]);
  useEffect(() => () => onPath?.(null), [onPath]);
  const pickFirst = form?.source === 'clinic' && !form.advanced && !form.picked;
  const start = () => {
    if (attempt.error || !attempt.request) return setShownError(attempt.error);
    run.mutate({ request: attempt.request, key: currentKey });
  };
  return (
    <Stack p="sm" gap="xs">
      <Group justify="space-between">
        <Title order={4}>{t.simulationTitle}</Title>
        <CloseButton aria-label={t.close} onClick={onClose} />
      </Group>
      <ClinicZoneNote clock={clock} />
      {!form || !clock ? (
        <Loader size="sm" aria-label={t.loading} />
      ) : (
        <SimulationSetup
          form={form}
          setForm={setForm}
          directory={directory}
          clock={clock}
          error={shownError}
          receipts={hasReach}
        />
      )}
      <Button onClick={start} loading={run.isPending} disabled={!form || pickFirst}>
        {t.simulationRun}
      </Button>
      {run.error && (
        <Alert color="red" role="alert">
          {run.error.message}
        </Alert>
      )}
      {stale && (
        <Alert color="yellow" role="status" p="xs" data-testid="simulation-stale">
          {t.simulationStale}
        </Alert>
      )}
      {result && !result.valid && (
        <Alert color="red" role="alert" title={t.simulationInvalid}>
          {result.errors.map((error, i) => (
            <Text size="sm" key={i}>
              {error.message}
            </Text>
          ))}
        </Alert>
      )}
      {result?.valid && result.timeline.length === 0 && <Text c="dimmed">{t.simulationNothing}</Text>}
      {result?.valid && result.timeline.length > 0 && (
        <>
          {!stale && (
            <Text size="xs" c="dimmed">
              {t.simulationPathLit}
            </Text>
          )}
          <SimulationTimeline
            timeline={result.timeline}
            clock={clock}
            stepName={stepName}
            onPickStep={onPickStep}
            stale={stale}
          />
        </>
      )}
    </Stack>
  );
}
