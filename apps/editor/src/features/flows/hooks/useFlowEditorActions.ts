import { useContext } from 'react';
import { FlowEditorContext, type FlowEditorActions } from './flowEditorContext';

/** The actions of the enclosing flow editor. */
export function useFlowEditorActions(): FlowEditorActions {
  const actions = useContext(FlowEditorContext);
  if (!actions) throw new Error('useFlowEditorActions needs a FlowEditorContext provider');
  return actions;
}
