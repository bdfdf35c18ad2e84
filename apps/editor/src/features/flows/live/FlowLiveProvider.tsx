import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import { flowsApi } from '../api/flowsApi';
import { FailedDeliveriesDrawer } from './FailedDeliveriesDrawer';
import { FlowLiveContext, type FlowLive } from './flowLiveContext';
import { useActivityRefetch, useFlowActivity } from './useFlowActivity';

function ActivityRefetch({ flowId }: { flowId: string }) {
  useActivityRefetch(flowId);
  return null;
}

/**
 * The live overlay of a saved flow: today's counts for the step cards, the feed and the failed list, on
 * while the flow is published and enabled. The flow can be switched on and off from here.
 */
export function FlowLiveProvider({
  flowId,
  published,
  initiallyEnabled,
  stepName,
  children,
}: {
  flowId: string;
  published: boolean;
  initiallyEnabled: boolean;
  stepName: (nodeId: string) => string;
  children: ReactNode;
}) {
  const t = useMessages();
  const queryClient = useQueryClient();
  const [enabled, setEnabledState] = useState(initiallyEnabled);
  const [failedStep, setFailedStep] = useState<string | null>(null);
  const toggle = useMutation({
    mutationFn: (on: boolean) => flowsApi.setEnabled(flowId, on),
    onSuccess: (view) => {
      setEnabledState(view.enabled);
      void queryClient.invalidateQueries({ queryKey: ['flows'] });
    },
  });
  const active = published && enabled;
  const { query, announcement } = useFlowActivity(flowId, active, t, stepName);
  const error = toggle.error ?? query.error;

  const value = useMemo<FlowLive>(
    () => ({
      active,
      published,
      enabled,
      setEnabled: (on) => toggle.mutate(on),
      switching: toggle.isPending,
      activity: query.data ?? null,
      error: error?.message ?? null,
      announcement,
      stepName,
      showFailed: setFailedStep,
    }),
    // toggle.mutate is stable; the object itself changes on every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [active, published, enabled, toggle.isPending, query.data, error, announcement, stepName],
  );

  return (
    <FlowLiveContext.Provider value={value}>
      {active && <ActivityRefetch flowId={flowId} />}
      {children}
      <FailedDeliveriesDrawer
        flowId={flowId}
        day={query.data?.day ?? null}
        nodeId={failedStep}
        failedCount={failedStep ? (query.data?.nodes[failedStep]?.failed ?? 0) : 0}
        stepName={stepName}
        onClose={() => setFailedStep(null)}
      />
    </FlowLiveContext.Provider>
  );
}
