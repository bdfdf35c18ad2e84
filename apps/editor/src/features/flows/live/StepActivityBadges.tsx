import { Badge, Group, UnstyledButton } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../utils/formatMessage';
import { activityCounts } from './activityCounts';
import { useFlowLive, useStepActivity } from './flowLiveContext';

/**
 * Today's counts on a step card while the live overlay is on, each with its word ("3 sent"), so a badge reads
 * without the legend; a failed count opens the failed list.
 */
export function StepActivityBadges({ nodeId }: { nodeId: string }) {
  const t = useMessages();
  const live = useFlowLive();
  const activity = useStepActivity(nodeId);
  if (!live || !activity) return null;
  return (
    <Group gap={4} wrap="wrap" data-testid="step-activity">
      {activityCounts.map(({ key, word, color, Icon }) => {
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
            tt="none"
          >
            {count} {t[word]}
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
