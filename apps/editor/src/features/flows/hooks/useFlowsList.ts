import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { settingsApi } from '../../settings/api/settingsApi';
import { diffIsEmpty, flowsApi, outcomeCounts, type FlowSummary } from '../api/flowsApi';
import { clinicWeekStart } from '../utils/clinicWeekStart';

/**
 * The clinic's flows, with whether each published flow's draft differs from its latest version (the API's
 * diff, one small request per published flow).
 */
export function useFlowsList() {
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['flows'], queryFn: flowsApi.list });
  const published = (list.data ?? []).filter((flow) => flow.latestVersion !== null);
  const diffs = useQueries({
    queries: published.map((flow) => ({
      queryKey: ['flow-diff', flow.id, flow.latestVersion, flow.revision],
      queryFn: () => flowsApi.diff(flow.id, flow.latestVersion!),
    })),
  });
  // the last 7 clinic days, today included: the counts wait for the clinic's time zone
  const settings = useQuery({ queryKey: ['settings'], queryFn: settingsApi.get });
  const from = settings.data ? clinicWeekStart(new Date(), settings.data.timeZone) : null;
  const lastDays = useQueries({
    queries: (list.data ?? []).map((flow) => ({
      queryKey: ['flow-last-days', flow.id, from],
      queryFn: () => flowsApi.lastDays(flow.id, from!),
      enabled: from !== null,
    })),
  });
  const outcomes = new Map<string, ReturnType<typeof outcomeCounts>>();
  (list.data ?? []).forEach((flow, i) => {
    const answer = lastDays[i]?.data;
    if (answer) outcomes.set(flow.id, outcomeCounts(answer.totals));
  });
  const pending = new Map<string, boolean>();
  published.forEach((flow, i) => {
    const diff = diffs[i]?.data;
    if (diff) pending.set(flow.id, !diffIsEmpty(diff));
  });
  const setEnabled = useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) => flowsApi.setEnabled(id, enabled),
    // the switch moves at once; the refetch after the answer puts it back if the API refused
    onMutate: ({ id, enabled }) =>
      queryClient.setQueryData<FlowSummary[]>(['flows'], (flows) =>
        flows?.map((flow) => (flow.id === id ? { ...flow, enabled } : flow)),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['flows'] }),
  });
  const duplicate = useMutation({
    mutationFn: async ({ flow, copyName }: { flow: FlowSummary; copyName: string }) => {
      const { draft } = await flowsApi.get(flow.id);
      return flowsApi.create({ ...draft, name: copyName });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['flows'] }),
  });
  return { list, pending, outcomes, setEnabled, duplicate };
}
