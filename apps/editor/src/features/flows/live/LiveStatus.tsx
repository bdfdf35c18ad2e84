import { Group, Switch } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import { LiveBadge } from '../../../live';
import { useFlowLive } from './flowLiveContext';

/** The toolbar's part of the overlay: the flow's on/off switch once published, and the connection badge. */
export function LiveStatus() {
  const t = useMessages();
  const live = useFlowLive();
  if (!live?.published) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Switch
        label={t.flowLiveOn}
        aria-label={t.flowLiveOnLabel}
        checked={live.enabled}
        disabled={live.switching}
        onChange={(event) => live.setEnabled(event.currentTarget.checked)}
      />
      {live.active && <LiveBadge />}
    </Group>
  );
}
