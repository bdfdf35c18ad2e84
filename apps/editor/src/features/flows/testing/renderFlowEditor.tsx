import type { Flow } from '@clinicflow/rules';
import { renderWithProviders } from '../../../test/render-with-providers';
import { FlowEditor, type FlowView } from '../components/FlowEditor';

/** Renders the editor on a copy of a flow and keeps the last document it reported (test helper). */
export function renderFlowEditor(flow: Flow, view: FlowView = 'outline'): { saved: { flow: Flow | null } } {
  const saved: { flow: Flow | null } = { flow: null };
  renderWithProviders(
    <FlowEditor
      initialFlow={JSON.parse(JSON.stringify(flow)) as Flow}
      onChange={(next) => {
        saved.flow = next;
      }}
      onStartOver={() => undefined}
      initialView={view}
    />,
  );
  return { saved };
}
