import { List, Text } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import { diffIsEmpty, type FlowDiff } from '../api/flowsApi';
import { formatMessage } from '../utils/formatMessage';

/** The API's diff in plain words: steps added, removed and changed (a move is a change of place). */
export function FlowDiffSummary({
  diff,
  version,
  stepName,
}: {
  diff: FlowDiff;
  version: number;
  stepName: (nodeId: string) => string;
}) {
  const t = useMessages();
  if (diffIsEmpty(diff)) return <Text size="sm">{formatMessage(t.diffNone, { version })}</Text>;
  const connections = diff.edges.added.length + diff.edges.removed.length + diff.edges.changed.length;
  return (
    <List size="sm" aria-label={formatMessage(t.diffSince, { version })}>
      {diff.nodes.added.map((id) => (
        <List.Item key={`+${id}`}>{formatMessage(t.diffAdded, { step: stepName(id) })}</List.Item>
      ))}
      {diff.nodes.removed.map((id) => (
        <List.Item key={`-${id}`}>{formatMessage(t.diffRemoved, { step: id })}</List.Item>
      ))}
      {diff.nodes.changed.map(({ id, fields }) => (
        <List.Item key={`~${id}`}>
          {formatMessage(fields.every((f) => f === 'position') ? t.diffMoved : t.diffChanged, {
            step: stepName(id),
          })}
        </List.Item>
      ))}
      {connections > 0 && <List.Item>{formatMessage(t.diffConnections, { count: connections })}</List.Item>}
      {diff.flow.map((field) => (
        <List.Item key={field}>{formatMessage(t.diffFlowField, { field })}</List.Item>
      ))}
    </List>
  );
}
