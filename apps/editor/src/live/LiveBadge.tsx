import { Badge } from '@mantine/core';
import { useMessages } from '../i18n/useMessages';
import { useLiveConnection } from './useLiveConnection';

const colors = { connected: 'green', connecting: 'yellow', offline: 'gray' } as const;

/** The live connection badge: green when updates arrive by themselves, otherwise say so. */
export function LiveBadge() {
  const t = useMessages();
  const status = useLiveConnection();
  const label = { connected: t.liveConnected, connecting: t.liveConnecting, offline: t.liveOffline }[status];
  return (
    <Badge
      color={colors[status]}
      variant="dot"
      role="status"
      aria-live="polite"
      data-testid="live-badge"
      data-status={status}
    >
      {label}
    </Badge>
  );
}
