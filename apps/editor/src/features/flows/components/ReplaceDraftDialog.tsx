import { diffFlows, type Flow, type FlowDiff } from '@clinicflow/rules';
import { Alert, Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Messages } from '../../../i18n/messages';
import { useMessages } from '../../../i18n/useMessages';
import { flowsApi } from '../api/flowsApi';
import { formatMessage } from '../utils/formatMessage';
import { summarizeStep } from '../utils/summarizeStep';

const flowFields: Record<string, keyof Messages> = {
  name: 'replaceFlowName',
  description: 'replaceFlowDescription',
  settings: 'replaceFlowSettings',
};

/** What replacing `theirs` with `mine` does, line by line, with the steps named as the clinic reads them. */
function losses(t: Messages, diff: FlowDiff, theirs: Flow, mine: Flow): string[] {
  const name = (flow: Flow, id: string) => {
    const node = flow.nodes.find((n) => n.id === id);
    return node ? summarizeStep(node, t) : '';
  };
  const connections = diff.edges.added.length + diff.edges.removed.length + diff.edges.changed.length;
  return [
    ...diff.nodes.removed.map((id) => formatMessage(t.replaceRemoved, { step: name(theirs, id) })),
    ...diff.nodes.changed.map(({ id, fields }) =>
      formatMessage(fields.every((f) => f === 'position') ? t.replaceMoved : t.replaceChanged, {
        step: name(theirs, id),
      }),
    ),
    ...diff.nodes.added.map((id) => formatMessage(t.replaceAdded, { step: name(mine, id) })),
    ...(connections > 0 ? [formatMessage(t.replaceConnections, { count: connections })] : []),
    ...diff.flow.map((field) => (flowFields[field] ? t[flowFields[field]] : field)),
  ];
}

/**
 * Before this page's version replaces someone else's draft: their draft as the API has it now, and what
 * saving over it would remove or change (the rules library's flow diff). Nothing is replaced until confirmed.
 */
export function ReplaceDraftDialog({
  flowId,
  mine,
  onReplace,
  onClose,
}: {
  flowId: string;
  mine: Flow;
  onReplace: () => Promise<void>;
  onClose: () => void;
}) {
  const t = useMessages();
  const [replacing, setReplacing] = useState(false);
  const theirs = useQuery({
    queryKey: ['flow-theirs', flowId],
    queryFn: () => flowsApi.get(flowId),
    gcTime: 0,
    staleTime: 0,
  });
  const lines = theirs.data ? losses(t, diffFlows(theirs.data.draft, mine), theirs.data.draft, mine) : [];
  const replace = async () => {
    setReplacing(true);
    try {
      await onReplace();
    } finally {
      setReplacing(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t.replaceTitle} size="lg">
      <Stack>
        {theirs.error && (
          <Alert color="red" role="alert">
            {theirs.error.message}
          </Alert>
        )}
        {!theirs.data && !theirs.error && (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">{t.replaceLoading}</Text>
          </Group>
        )}
        {theirs.data && lines.length === 0 && <Text size="sm">{t.replaceNothing}</Text>}
        {lines.length > 0 && (
          <>
            <Text size="sm">{t.replaceIntro}</Text>
            <List size="sm" aria-label={t.replaceTitle} data-testid="replace-losses">
              {lines.map((line, i) => (
                <List.Item key={i}>{line}</List.Item>
              ))}
            </List>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.cancel}
          </Button>
          <Button color="orange" disabled={!theirs.data} loading={replacing} onClick={() => void replace()}>
            {t.replaceConfirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
