import { FlowEditor } from './components/FlowEditor';
import { StarterPicker } from './components/StarterPicker';
import { useFlowDraft } from './hooks/useFlowDraft';

/** `/flows/new`: a new flow drafted in this browser, from an empty flow or a starter. */
export default function FlowEditorPage() {
  const { draft, save, start, discard } = useFlowDraft();
  if (!draft) return <StarterPicker onPick={start} />;
  return <FlowEditor initialFlow={draft} onChange={save} onStartOver={discard} />;
}
