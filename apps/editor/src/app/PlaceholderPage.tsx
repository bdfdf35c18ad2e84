import { Stack, Text, Title } from '@mantine/core';

/** The frame of a screen that the next issues fill: its title, what it is for, and that it is not here yet. */
export function PlaceholderPage({ title, intro, note }: { title: string; intro: string; note: string }) {
  return (
    <Stack gap="xs">
      <Title order={2}>{title}</Title>
      <Text>{intro}</Text>
      <Text c="dimmed" size="sm">
        {note}
      </Text>
    </Stack>
  );
}
