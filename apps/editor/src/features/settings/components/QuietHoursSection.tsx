import { ActionIcon, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { formatMessage } from '../../flows/utils/formatMessage';
import { useMessages } from '../../../i18n/useMessages';
import type { ClinicSettings } from '../api/settingsApi';
import { useSettingsSection } from '../hooks/useSettingsSection';
import { joinPauses, splitPauses, type QuietWindow } from '../utils/sendingHours';
import { HolidayList } from './HolidayList';
import { NationalHolidays } from './NationalHolidays';
import { SectionFooter } from './SectionFooter';
import { WeekGrid } from './WeekGrid';

const KEYS = ['quietHours'] as const;
/** The settings accept at most this many windows (the API's limit). */
const MAX_WINDOWS = 10;
const clockTime = /^\d\d:\d\d$/;

/**
 * Quiet hours: the sending hours of each day (the nightly pause), other pauses of the day (lunch), the weekdays
 * without sending, and the holidays. The engine applies every pause.
 */
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
  const { nightly: pause, others } = splitPauses(quietHours.windows);
  const set = (patch: Partial<typeof quietHours>) =>
    section.update({ quietHours: { ...quietHours, ...patch } });
  const setPause = (next: QuietWindow | null) => set({ windows: joinPauses(next, others) });
  const setOthers = (next: QuietWindow[]) => set({ windows: joinPauses(pause, next) });
  // where a window is in the saved list, for the API's errors (the nightly pause is saved first)
  const savedIndex = (other: number) => other + (pause ? 1 : 0);
  const changeOther = (index: number, patch: Partial<QuietWindow>) => {
    const next = { ...others[index], ...patch };
    if (clockTime.test(next.start) && clockTime.test(next.end))
      setOthers(others.map((other, i) => (i === index ? next : other)));
  };
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
        otherPauses={others}
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
          error={pause ? section.errorAt('quietHours.windows.0.end') : undefined}
          w={160}
        />
        <TextInput
          type="time"
          label={t.settingsSendUntil}
          description={from === until ? t.settingsAnyHour : undefined}
          value={until}
          onChange={(e) => setTimes(from, e.currentTarget.value)}
          error={pause ? section.errorAt('quietHours.windows.0.start') : undefined}
          w={160}
        />
      </Group>
      <Title order={4}>{t.settingsOtherPauses}</Title>
      <Text size="sm">{t.settingsOtherPausesIntro}</Text>
      {others.map((other, index) => {
        const name = formatMessage(t.settingsPauseName, { start: other.start, end: other.end });
        return (
          <Group key={index} align="flex-end" role="group" aria-label={name}>
            <TextInput
              type="time"
              label={t.settingsPauseFrom}
              value={other.start}
              onChange={(e) => changeOther(index, { start: e.currentTarget.value })}
              error={section.errorAt(`quietHours.windows.${savedIndex(index)}.start`)}
              w={160}
            />
            <TextInput
              type="time"
              label={t.settingsPauseUntil}
              value={other.end}
              onChange={(e) => changeOther(index, { end: e.currentTarget.value })}
              error={section.errorAt(`quietHours.windows.${savedIndex(index)}.end`)}
              w={160}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={formatMessage(t.settingsPauseRemove, { ...other })}
              onClick={() => setOthers(others.filter((_, i) => i !== index))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        );
      })}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={14} />}
          disabled={quietHours.windows.length >= MAX_WINDOWS}
          onClick={() => setOthers([...others, { start: '12:00', end: '14:00' }])}
        >
          {t.settingsPauseAdd}
        </Button>
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
      <NationalHolidays
        country={settings.country}
        holidays={quietHours.holidays}
        onAdd={(days) => set({ holidays: [...new Set([...quietHours.holidays, ...days])].sort() })}
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
