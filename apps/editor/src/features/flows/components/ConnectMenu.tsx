import type { Flow } from '@clinicflow/rules';
import { ActionIcon, Menu } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useMessages } from '../../../i18n/useMessages';
import { useFlowEditorActions } from '../hooks/useFlowEditorActions';
import { connectSteps } from '../utils/connectSteps';
import { formatMessage } from '../utils/formatMessage';
import { exitWords } from '../utils/stepWords';
import { summarizeStep } from '../utils/summarizeStep';

/** Connects an open exit to a step already in the flow, offering only the steps the engine would accept. */
export function ConnectMenu({ flow, stepId, exit }: { flow: Flow; stepId: string; exit: string }) {
  const t = useMessages();
  const actions = useFlowEditorActions();
  const step = flow.nodes.find((node) => node.id === stepId);
  const targets = flow.nodes.filter(
    (node) => connectSteps(flow, stepId, exit, node.id).status === 'connected',
  );
  if (!step || targets.length === 0) return null;
  return (
    <Menu position="bottom-start" withinPortal shadow="md">
      <Menu.Target>
        <ActionIcon
          size="sm"
          variant="subtle"
          aria-label={formatMessage(t.outlineConnect, {
            exit: exitWords(t, exit),
            step: summarizeStep(step, t),
          })}
        >
          <IconLink size={14} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t.outlineConnectTitle}</Menu.Label>
        {targets.map((target) => (
          <Menu.Item key={target.id} onClick={() => actions.connect(stepId, exit, target.id)}>
            {summarizeStep(target, t)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
