import { Group, Switch } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import { LiveBadge } from '../../../live';
import { useFlowLive } from './flowLiveContext';

/**
 * The toolbar's part of the overlay: the flow's on/off switch once published, and the connection badge. The
 * switch's label and accessible name say what is true now ("Off: nothing runs"), not what it would do.
 */
export function LiveStatus() {
  const t = useMessages();
  const live = useFlowLive();
  if (!live?.published) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Switch
        label={live.enabled ? t.flowLiveOn : t.flowLiveOff}
        aria-label={live.enabled ? t.flowLiveOnLabel : t.flowLiveOffLabel}
        data-testid="flow-switch"
        checked={live.enabled}
        disabled={live.switching}
        onChange={(event) => live.setEnabled(event.currentTarget.checked)}
      />
      {live.active && <LiveBadge />}
    </Group>
  );
}
