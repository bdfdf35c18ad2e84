import { Button, Menu } from '@mantine/core';
import { IconCheck, IconColumns } from '@tabler/icons-react';
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
    <Menu closeOnItemClick={false} position="bottom-end">
      <Menu.Target>
        <Button size="xs" variant="default" leftSection={<IconColumns size={14} />}>
          {t.reportColumns}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {columns.map((column) => {
          const shown = !hidden.includes(column.id);
          return (
            <Menu.Item
              key={column.id}
              role="menuitemcheckbox"
              aria-checked={shown}
              onClick={() => onToggle(column.id)}
              leftSection={<IconCheck size={14} style={{ visibility: shown ? 'visible' : 'hidden' }} />}
            >
              {column.label}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
