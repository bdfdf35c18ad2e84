import { ActionIcon, Group, Paper, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import { activityCounts } from './activityCounts';
import { useFlowLive } from './flowLiveContext';

/** What the counts on the cards mean, in a corner of the canvas while they are shown; it can be folded. */
export function ActivityLegend() {
  const t = useMessages();
  const live = useFlowLive();
  const [open, setOpen] = useState(true);
  if (!live?.active) return null;
  const toggle = open ? t.legendHide : t.legendShow;
  return (
    <Paper
      withBorder
      shadow="xs"
      p={6}
      maw={300}
      role="region"
      aria-label={t.legendTitle}
      data-testid="legend"
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" fw={600}>
          {t.legendTitle}
        </Text>
        <Tooltip label={toggle}>
          <ActionIcon
            variant="subtle"
            size="xs"
            aria-label={toggle}
            aria-expanded={open}
            onClick={() => setOpen((on) => !on)}
          >
            {open ? <IconChevronDown size={12} /> : <IconChevronUp size={12} />}
          </ActionIcon>
        </Tooltip>
      </Group>
      {open && (
        <Stack gap={2} mt={4} component="dl" m={0}>
          {activityCounts.map(({ key, word, meaning, color, Icon }) => (
            <Group key={key} gap={6} wrap="nowrap" align="flex-start">
              <ThemeIcon size={16} color={color} variant="light" aria-hidden>
                <Icon size={12} />
              </ThemeIcon>
              <Text size="xs" component="dt" fw={600}>
                {t[word]}
              </Text>
              <Text size="xs" component="dd" m={0}>
                {t[meaning]}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
