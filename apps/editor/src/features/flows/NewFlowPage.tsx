import type { Flow } from '@clinicflow/rules';
import { Alert } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { flowsApi, type FlowView } from './api/flowsApi';
import { StarterPicker, type StarterChoice } from './components/StarterPicker';
import { emptyFlow } from './utils/emptyFlow';
import { layoutFlowDiagram } from './utils/layoutFlowDiagram';
import { localizeStarter } from './utils/localizeStarter';
import { withPositions } from './utils/withPositions';

/**
 * The starter's draft laid out top-down (the library's positions are a plain column) and named in the
 * interface's language (the library names it in English), saved as revision 2.
 */
async function laidOut(view: FlowView, localize: (flow: Flow) => Flow): Promise<FlowView> {
  const flow: Flow = localize(view.draft);
  const positioned = withPositions(flow, await layoutFlowDiagram(flow.nodes, flow.edges));
  return flowsApi.save(view.id, view.revision, positioned);
}

/** `/flows/new`: pick an empty flow or a starter; the flow is created on the API and opened. */
export default function NewFlowPage() {
  const t = useMessages();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: async (choice: StarterChoice) =>
      choice.kind === 'empty'
        ? flowsApi.create(emptyFlow(t.untitledFlow))
        : laidOut(await flowsApi.createFromStarter(choice.key), (flow) =>
            localizeStarter(choice.key, flow, t),
          ),
    // the flow's page reads the new draft from the API itself: nothing is put in the query cache for it
    onSuccess: (view) => {
      void queryClient.invalidateQueries({ queryKey: ['flows'] });
      void navigate(`/flows/${view.id}`);
    },
  });
  return (
    <>
      {create.error && (
        <Alert color="red" role="alert" mb="md">
          {create.error.message}
        </Alert>
      )}
      <StarterPicker onPick={(choice) => create.mutate(choice)} busy={create.isPending} />
    </>
  );
}
