import { Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import type { ClinicSettings } from '../api/settingsApi';
import { useSettingsSection } from '../hooks/useSettingsSection';
import type { QuietWindow } from '../utils/sendingHours';
import { HolidayList } from './HolidayList';
import { SectionFooter } from './SectionFooter';
import { WeekGrid } from './WeekGrid';

const KEYS = ['quietHours'] as const;

/** Quiet hours: the sending hours of each day, the weekdays without sending, and the holidays. */
export function QuietHoursSection({
  settings,
  onDirtyChange,
}: {
  settings: ClinicSettings;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const t = useMessages();
  const section = useSettingsSection(settings, KEYS, onDirtyChange);
  const { quietHours } = section.draft;
  const pause = quietHours.windows[0] ?? null;
  const set = (patch: Partial<typeof quietHours>) =>
    section.update({ quietHours: { ...quietHours, ...patch } });
  // The engine applies the first window as the nightly pause; any others are kept as they are.
  const setPause = (next: QuietWindow | null) =>
    set({ windows: next ? [next, ...quietHours.windows.slice(1)] : quietHours.windows.slice(1) });
  const setTimes = (from: string, until: string) => {
    if (!/^\d\d:\d\d$/.test(from) || !/^\d\d:\d\d$/.test(until)) return;
    setPause(from === until ? null : { start: until, end: from });
  };
  const from = pause?.end ?? '00:00';
  const until = pause?.start ?? '00:00';
  const toggleDay = (day: number) =>
    set({
      noSendWeekdays: quietHours.noSendWeekdays.includes(day)
        ? quietHours.noSendWeekdays.filter((d) => d !== day)
        : [...quietHours.noSendWeekdays, day].sort(),
    });
  return (
    <Stack>
      <Text size="sm">{t.settingsQuietIntro}</Text>
      <WeekGrid
        pause={pause}
        noSendWeekdays={quietHours.noSendWeekdays}
        onPause={setPause}
        onToggleDay={toggleDay}
      />
      <Group align="flex-start">
        <TextInput
          type="time"
          label={t.settingsSendFrom}
          value={from}
          onChange={(e) => setTimes(e.currentTarget.value, until)}
          error={section.errorAt('quietHours.windows.0.end')}
          w={160}
        />
        <TextInput
          type="time"
          label={t.settingsSendUntil}
          description={from === until ? t.settingsAnyHour : undefined}
          value={until}
          onChange={(e) => setTimes(from, e.currentTarget.value)}
          error={section.errorAt('quietHours.windows.0.start')}
          w={160}
        />
      </Group>
      {section.errorAt('quietHours.noSendWeekdays') && (
        <Text c="red" size="sm" role="alert">
          {section.errorAt('quietHours.noSendWeekdays')}
        </Text>
      )}
      <Title order={4}>{t.settingsHolidays}</Title>
      <HolidayList
        holidays={quietHours.holidays}
        onChange={(holidays) => set({ holidays })}
        errorAt={section.errorAt}
      />
      <SectionFooter
        label={t.settingsSaveQuietHours}
        dirty={section.dirty}
        saved={section.saved}
        saving={section.save.isPending}
        error={section.save.error}
        conflict={section.conflict}
        errors={section.errors}
        shownPaths={['quietHours.windows', 'quietHours.noSendWeekdays', 'quietHours.holidays']}
        onSave={() => section.save.mutate()}
      />
    </Stack>
  );
}
