import { starterFlows, type Flow } from '@clinicflow/rules';
import { Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import { emptyFlow } from '../utils/emptyFlow';
import { layoutFlowDiagram } from '../utils/layoutFlowDiagram';
import { withPositions } from '../utils/withPositions';
import { StepIcon } from './StepIcon';

/** A fresh copy of a starter for a new draft, laid out top-down. */
async function draftFrom(flow: Flow): Promise<Flow> {
  const { id: _id, ...copy } = JSON.parse(JSON.stringify(flow)) as Flow;
  return withPositions(copy, await layoutFlowDiagram(copy.nodes, copy.edges));
}

/** How a new flow starts: empty (a trigger only) or from one of the starters of libs/rules. */
export function StarterPicker({ onPick }: { onPick: (flow: Flow) => void }) {
  const t = useMessages();
  const [busy, setBusy] = useState(false);
  const pick = async (flow: Flow) => {
    setBusy(true);
    onPick(await draftFrom(flow));
  };
  return (
    <Stack>
      <Title order={2}>{t.startTitle}</Title>
      <Text>{t.startIntro}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <Card withBorder>
          <Stack gap="xs" h="100%">
            <StepIcon type="trigger" />
            <Text fw={600}>{t.startEmpty}</Text>
            <Text size="sm" c="dimmed" style={{ flex: 1 }}>
              {t.startEmptyHint}
            </Text>
            <Button
              disabled={busy}
              onClick={() => void pick(emptyFlow(t.untitledFlow))}
              aria-label={t.startEmpty}
            >
              {t.startUse}
            </Button>
          </Stack>
        </Card>
        {starterFlows.map((starter) => (
          <Card withBorder key={starter.key}>
            <Stack gap="xs" h="100%">
              <StepIcon type="send" />
              <Text fw={600}>{starter.flow.name}</Text>
              <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                {starter.flow.description}
              </Text>
              <Button
                disabled={busy}
                variant="light"
                onClick={() => void pick(starter.flow)}
                aria-label={starter.flow.name}
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
