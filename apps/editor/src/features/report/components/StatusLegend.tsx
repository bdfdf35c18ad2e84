import { DELIVERY_STATUSES } from '@clinicflow/contract';
import { Badge, Group, Popover, Button, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMessages } from '../../../i18n/useMessages';
import { statusColors, statusLabel, statusMeaning } from '../utils/deliveryWords';

/** What each status means, in Opus's words (waiting, sent, answered, failed and retrying, expired…). */
export function StatusLegend() {
  const t = useMessages();
  return (
    <Popover width={420} position="bottom-start" withArrow>
      <Popover.Target>
        <Button variant="subtle" size="xs" leftSection={<IconInfoCircle size={14} />}>
          {t.reportLegend}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={4} data-testid="status-legend">
          {DELIVERY_STATUSES.map((status) => (
            <Group key={status} gap="xs" wrap="nowrap">
              <Badge color={statusColors[status]} w={130} style={{ flexShrink: 0 }}>
                {statusLabel(t, status)}
              </Badge>
              <Text size="sm">{statusMeaning(t, status)}</Text>
            </Group>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
