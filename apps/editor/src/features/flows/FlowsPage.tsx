import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useMessages } from '../../i18n/useMessages';

/** The clinic's flows (the list of saved flows comes with the flows endpoints); "New flow" opens the editor. */
export default function FlowsPage() {
  const t = useMessages();
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2}>{t.flowsTitle}</Title>
        <Button component={Link} to="/flows/new" leftSection={<IconPlus size={16} />}>
          {t.newFlow}
        </Button>
      </Group>
      <Text>{t.flowsIntro}</Text>
      <Text c="dimmed" size="sm">
        {t.comingNext}
      </Text>
    </Stack>
  );
}
