import { Badge, Group, UnstyledButton } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowBarToDown,
  IconCheck,
  IconHourglassHigh,
  IconPlayerSkipForward,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Messages } from '../../../i18n/messages';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../utils/formatMessage';
import type { StepActivity } from './flowActivityApi';
import { useFlowLive, useStepActivity } from './flowLiveContext';

const counts: Array<{
  key: keyof StepActivity;
  word: keyof Messages;
  color: string;
  Icon: ComponentType<{ size?: number }>;
}> = [
  { key: 'entered', word: 'flowLiveEntered', color: 'blue', Icon: IconArrowBarToDown },
  { key: 'waiting', word: 'flowLiveWaiting', color: 'gray', Icon: IconHourglassHigh },
  { key: 'sent', word: 'flowLiveSent', color: 'green', Icon: IconCheck },
  { key: 'skipped', word: 'flowLiveSkipped', color: 'orange', Icon: IconPlayerSkipForward },
  { key: 'failed', word: 'flowLiveFailed', color: 'red', Icon: IconAlertTriangle },
];

/** Today's counts on a step card while the live overlay is on; a failed count opens the failed list. */
export function StepActivityBadges({ nodeId }: { nodeId: string }) {
  const t = useMessages();
  const live = useFlowLive();
  const activity = useStepActivity(nodeId);
  if (!live || !activity) return null;
  return (
    <Group gap={4} wrap="nowrap" data-testid="step-activity">
      {counts.map(({ key, word, color, Icon }) => {
        const count = activity[key];
        const label = formatMessage(t.flowLiveCount, { count, what: t[word] });
        const badge = (
          <Badge
            key={key}
            size="sm"
            radius="sm"
            variant={count > 0 ? 'light' : 'outline'}
            color={count > 0 ? color : 'gray'}
            leftSection={<Icon size={12} />}
            title={label}
            aria-label={label}
            data-testid={`activity-${key}`}
            data-count={count}
          >
            {count}
          </Badge>
        );
        if (key !== 'failed' || count === 0) return badge;
        return (
          <UnstyledButton
            key={key}
            className="nodrag nopan"
            aria-label={formatMessage(t.flowLiveOpenFailed, { count })}
            onClick={(event) => {
              event.stopPropagation();
              live.showFailed(nodeId);
            }}
          >
            {badge}
          </UnstyledButton>
        );
      })}
    </Group>
  );
}
