import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCopy, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { useFlowsList } from './hooks/useFlowsList';
import { formatMessage } from './utils/formatMessage';

/** Sent, failed and skipped messages of the last 7 days (failures in red when there are some). */
function LastDays({ counts }: { counts?: { sent: number; failed: number; skipped: number } }) {
  const t = useMessages();
  if (!counts) return null;
  return (
    <Text size="sm" data-testid="last-days">
      {formatMessage(t.lastDaysSent, { count: counts.sent })} ·{' '}
      <Text span c={counts.failed > 0 ? 'red' : undefined} inherit>
        {formatMessage(t.lastDaysFailed, { count: counts.failed })}
      </Text>{' '}
      · {formatMessage(t.lastDaysSkipped, { count: counts.skipped })}
    </Text>
  );
}

/** `/flows`: the clinic's flows with their state; enable or disable, duplicate, open, or start a new one. */
export default function FlowsPage() {
  const t = useMessages();
  const { list, pending, outcomes, setEnabled, duplicate } = useFlowsList();
  const flows = list.data ?? [];
  const error = list.error ?? setEnabled.error ?? duplicate.error;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t.flowsTitle}</Title>
        <Button component={Link} to="/flows/new" leftSection={<IconPlus size={16} />}>
          {t.newFlow}
        </Button>
      </Group>
      <Text>{t.flowsIntro}</Text>
      {error && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
      {list.isSuccess && flows.length === 0 && <Text c="dimmed">{t.flowsEmpty}</Text>}
      {/* Fixed column widths: the counts and draft badges load row by row, and the switches must not move
          under the pointer meanwhile; a narrow window scrolls the table sideways instead of squeezing it. */}
      {flows.length > 0 && (
        <Table.ScrollContainer minWidth={980}>
          <Table striped highlightOnHover aria-label={t.flowsTitle} layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.flowName}</Table.Th>
                <Table.Th w={100}>{t.flowEnabled}</Table.Th>
                <Table.Th w={120}>{t.flowPublished}</Table.Th>
                <Table.Th w={200}>{t.flowDraft}</Table.Th>
                <Table.Th w={230}>{t.flowLastDays}</Table.Th>
                <Table.Th w={130} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {flows.map((flow) => {
                const unpublished = flow.latestVersion === null;
                const toggle = (
                  <Switch
                    aria-label={formatMessage(t.enableFlow, { name: flow.name })}
                    checked={flow.enabled}
                    disabled={unpublished || setEnabled.isPending}
                    onChange={(e) => setEnabled.mutate({ id: flow.id, enabled: e.currentTarget.checked })}
                  />
                );
                return (
                  <Table.Tr key={flow.id} data-testid={`flow-row-${flow.id}`}>
                    <Table.Td>
                      <Anchor component={Link} to={`/flows/${flow.id}`}>
                        {flow.name}
                      </Anchor>
                      {flow.description && (
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {flow.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {unpublished ? <Tooltip label={t.publishBeforeEnabling}>{toggle}</Tooltip> : toggle}
                    </Table.Td>
                    <Table.Td>
                      {unpublished
                        ? t.notPublished
                        : formatMessage(t.versionN, { version: flow.latestVersion! })}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {(unpublished || pending.get(flow.id)) && (
                          <Badge color="yellow" variant="light">
                            {t.draftChangesPending}
                          </Badge>
                        )}
                        {flow.problemCount > 0 && (
                          <Badge color="red" variant="light">
                            {formatMessage(t.problemCount, { count: flow.problemCount })}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <LastDays counts={outcomes.get(flow.id)} />
                    </Table.Td>
                    <Table.Td>
                      <Button
                        variant="subtle"
                        size="xs"
                        leftSection={<IconCopy size={14} />}
                        disabled={duplicate.isPending}
                        aria-label={formatMessage(t.duplicateFlow, { name: flow.name })}
                        onClick={() =>
                          duplicate.mutate({ flow, copyName: formatMessage(t.copyOf, { name: flow.name }) })
                        }
                      >
                        {t.duplicate}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
