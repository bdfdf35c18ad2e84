import type { NodeType } from '@clinicflow/rules';
import { Menu, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import type { Messages } from '../../../i18n/messages';
import { useMessages } from '../../../i18n/useMessages';
import { stepWords } from '../utils/stepWords';
import { StepIcon } from './StepIcon';

const hints: Record<NodeType, keyof Messages> = {
  trigger: 'hintTrigger',
  condition: 'hintCondition',
  wait: 'hintWait',
  send: 'hintSend',
  ask: 'hintAsk',
  reach: 'hintReach',
  update: 'hintUpdate',
  webhook: 'hintWebhook',
  end: 'hintEnd',
};

/** The step types that can go on a connection (End only where nothing follows). */
export const insertableTypes = (openExit: boolean): NodeType[] =>
  [
    'condition',
    'wait',
    'send',
    'ask',
    'reach',
    'update',
    'webhook',
    ...(openExit ? (['end'] as const) : []),
  ] as NodeType[];

/** A menu of step types opened from a "+" button; picking one calls `onPick`. */
export function StepPalette({
  children,
  types,
  onPick,
}: {
  children: ReactElement;
  types: readonly NodeType[];
  onPick: (type: NodeType) => void;
}) {
  const t = useMessages();
  return (
    <Menu position="bottom" withinPortal shadow="md" width={260}>
      <Menu.Target>{children}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t.paletteTitle}</Menu.Label>
        {types.map((type) => (
          <Menu.Item key={type} leftSection={<StepIcon type={type} />} onClick={() => onPick(type)}>
            <Text size="sm" fw={500}>
              {t[stepWords.type[type]]}
            </Text>
            <Text size="xs" c="dimmed">
              {t[hints[type]]}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
