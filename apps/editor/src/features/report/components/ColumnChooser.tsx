import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useMessages } from '../../../i18n/useMessages';

/** Shows or hides the table's columns; the choice is kept in this browser. */
export function ColumnChooser({
  columns,
  hidden,
  onToggle,
}: {
  columns: { id: string; label: string }[];
  hidden: string[];
  onToggle: (id: string) => void;
}) {
  const t = useMessages();
  return (
    <Popover position="bottom-end" trapFocus hideDetached={false}>
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={<IconColumns size={14} />}>
          {t.reportColumns}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" role="group" aria-label={t.reportColumns}>
          {columns.map((column) => (
            <Checkbox
              key={column.id}
              label={column.label}
              checked={!hidden.includes(column.id)}
              onChange={() => onToggle(column.id)}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
