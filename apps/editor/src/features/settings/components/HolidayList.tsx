import { ActionIcon, Button, Group, List, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { formatMessage } from '../../flows/utils/formatMessage';
import { useClinicClock } from '../../../clock';
import { useMessages } from '../../../i18n/useMessages';

/** The clinic's holidays (no reminders on these local dates): a sorted list with add and remove. */
export function HolidayList({
  holidays,
  onChange,
  errorAt,
}: {
  holidays: string[];
  onChange: (holidays: string[]) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const t = useMessages();
  const clock = useClinicClock();
  const [day, setDay] = useState('');
  const add = () => {
    if (!day) return;
    onChange([...new Set([...holidays, day])].sort());
    setDay('');
  };
  return (
    <div>
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t.settingsHolidayDate}
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') add();
          }}
          error={errorAt('quietHours.holidays')}
        />
        <Button variant="light" onClick={add} disabled={!day}>
          {t.settingsHolidayAdd}
        </Button>
      </Group>
      {holidays.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t.settingsNoHolidays}
        </Text>
      ) : (
        <List mt="xs" listStyleType="none" aria-label={t.settingsHolidays}>
          {holidays.map((holiday, i) => (
            <List.Item key={holiday}>
              <Group gap="xs">
                <Text size="sm" c={errorAt(`quietHours.holidays.${i}`) ? 'red' : undefined}>
                  {clock?.longDay(holiday) ?? holiday}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={formatMessage(t.settingsHolidayRemove, { day: holiday })}
                  onClick={() => onChange(holidays.filter((h) => h !== holiday))}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
