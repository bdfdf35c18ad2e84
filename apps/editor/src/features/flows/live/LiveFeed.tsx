import { ActionIcon, Alert, Badge, Box, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useClinicClock } from '../../../clock';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../utils/formatMessage';
import { useFlowLive } from './flowLiveContext';
import { outcomeColor, outcomeWords } from './outcomeWords';

/**
 * The latest outcomes of the day, in a corner of the canvas: each with its clinic time, whose it is (the
 * patient's initials, or the name of a staff recipient) and the step's name; it can be folded away.
 */
export function LiveFeed() {
  const t = useMessages();
  // the clinic's wall-clock time (HH:mm) in the interface's format, as on every other screen
  const clock = useClinicClock();
  const live = useFlowLive();
  const [open, setOpen] = useState(true);
  if (!live?.published) return null;
  const toggleLabel = open ? t.flowLiveHideFeed : t.flowLiveShowFeed;
  const latest = live.activity?.latest ?? [];
  return (
    <Paper
      withBorder
      shadow="sm"
      p="xs"
      w={300}
      style={{ position: 'absolute', top: 8, right: 8, zIndex: 5 }}
      role="region"
      aria-label={t.flowLiveFeedTitle}
      data-testid="live-feed"
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {t.flowLiveFeedTitle}
        </Text>
        <Tooltip label={toggleLabel}>
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-label={toggleLabel}
            aria-expanded={open}
            onClick={() => setOpen((on) => !on)}
          >
            {open ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
          </ActionIcon>
        </Tooltip>
      </Group>
      {open && !live.enabled && (
        <Text size="xs" c="dimmed" mt={4}>
          {t.flowLiveOffHint}
        </Text>
      )}
      {open && live.error && (
        <Alert color="red" p="xs" mt={4} role="alert">
          {formatMessage(t.flowLiveLoadFailed, { reason: live.error })}
        </Alert>
      )}
      {open && live.active && latest.length === 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t.flowLiveFeedEmpty}
        </Text>
      )}
      {open && live.active && latest.length > 0 && (
        <Box mah={220} mt={4} style={{ overflowY: 'auto', overflowX: 'hidden' }}>
          <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
            {latest.map((outcome) => (
              <li key={`${outcome.deliveryId ?? outcome.runId}|${outcome.status}|${outcome.at}`}>
                <Group gap={6} wrap="nowrap" align="baseline">
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                    {clock?.time(outcome.at) ?? ''}
                  </Text>
                  {(outcome.patientInitials ?? outcome.recipientName) && (
                    <Text size="xs" fw={700} style={{ flexShrink: 0 }} data-testid="outcome-who">
                      {outcome.patientInitials ?? outcome.recipientName}
                    </Text>
                  )}
                  <Text size="xs" fw={500} truncate="end" miw={0} style={{ flex: 1 }}>
                    {outcome.nodeId ? live.stepName(outcome.nodeId) : ''}
                  </Text>
                  <Badge
                    size="xs"
                    color={outcomeColor(outcome.status)}
                    variant="light"
                    style={{ flexShrink: 0 }}
                  >
                    {outcomeWords(t, outcome.status)}
                  </Badge>
                </Group>
                {outcome.reason && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {outcome.reason}
                  </Text>
                )}
              </li>
            ))}
          </Stack>
        </Box>
      )}
    </Paper>
  );
}
