import { starterFlows } from '@clinicflow/rules';
import { Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import { emptyFlow } from '../utils/emptyFlow';
import { formatMessage } from '../utils/formatMessage';
import { localizeStarter } from '../utils/localizeStarter';
import { FlowPreview } from './FlowPreview';

/** What a new flow starts from: an empty flow (a trigger only) or a starter of the gallery, by its key. */
export type StarterChoice = { kind: 'empty' } | { kind: 'starter'; key: string };

/** The gallery of new flows: empty, or one of the starters of libs/rules with its description and shape. */
export function StarterPicker({ onPick, busy }: { onPick: (choice: StarterChoice) => void; busy: boolean }) {
  const t = useMessages();
  const empty = emptyFlow(t.untitledFlow);
  return (
    <Stack>
      <Title order={2}>{t.startTitle}</Title>
      <Text>{t.startIntro}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <Card withBorder>
          <Stack gap="xs" h="100%">
            <FlowPreview flow={empty} label={t.previewOf.replace('{name}', t.startEmpty)} />
            <Text fw={600}>{t.startEmpty}</Text>
            <Text size="sm" c="dimmed" style={{ flex: 1 }}>
              {t.startEmptyHint}
            </Text>
            <Button
              disabled={busy}
              onClick={() => onPick({ kind: 'empty' })}
              aria-label={formatMessage(t.startUseNamed, { name: t.startEmpty })}
            >
              {t.startUse}
            </Button>
          </Stack>
        </Card>
        {starterFlows
          .map(({ key, flow: english }) => ({ key, flow: localizeStarter(key, english, t) }))
          .map((starter) => (
            <Card withBorder key={starter.key}>
              <Stack gap="xs" h="100%">
                <FlowPreview flow={starter.flow} label={t.previewOf.replace('{name}', starter.flow.name)} />
                <Text fw={600}>{starter.flow.name}</Text>
                <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                  {starter.flow.description}
                </Text>
                <Button
                  disabled={busy}
                  variant="light"
                  onClick={() => onPick({ kind: 'starter', key: starter.key })}
                  aria-label={formatMessage(t.startUseNamed, { name: starter.flow.name })}
                >
                  {t.startUse}
                </Button>
              </Stack>
            </Card>
          ))}
      </SimpleGrid>
    </Stack>
  );
}
