import type { Flow } from '@clinicflow/rules';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import { useFlowEditorActions } from '../hooks/useFlowEditorActions';
import type { PendingRemoval } from '../hooks/useFlowEditor';
import { formatMessage } from '../utils/formatMessage';
import { exitWords } from '../utils/stepWords';
import { summarizeStep } from '../utils/summarizeStep';

/** Asks which branch to keep before deleting a step with several connected exits. */
export function ChooseBranchModal({ flow, pending }: { flow: Flow; pending: PendingRemoval | null }) {
  const t = useMessages();
  const actions = useFlowEditorActions();
  const step = pending ? flow.nodes.find((node) => node.id === pending.stepId) : undefined;
  return (
    <Modal opened={Boolean(step)} onClose={actions.cancelRemove} title={t.chooseBranchTitle}>
      {pending && step && (
        <Stack>
          <Text size="sm">{formatMessage(t.chooseBranchText, { step: summarizeStep(step, t) })}</Text>
          <Group>
            {pending.exits.map((exit) => (
              <Button
                key={exit}
                color="red"
                variant="light"
                onClick={() => actions.remove(pending.stepId, exit)}
              >
                {formatMessage(t.keepBranch, { exit: exitWords(t, exit) })}
              </Button>
            ))}
            <Button variant="default" onClick={actions.cancelRemove}>
              {t.cancel}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
