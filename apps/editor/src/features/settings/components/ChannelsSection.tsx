import { CHANNELS, CONSENT_MODES, CONSENT_PURPOSES } from '@clinicflow/contract';
import { Checkbox, Group, NumberInput, Radio, Stack, Switch, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { channelLabel } from '../../../i18n/channelWords';
import { useMessages } from '../../../i18n/useMessages';
import { settingsApi, type ClinicSettings, type ConsentMode, type ConsentPurpose } from '../api/settingsApi';
import { useSettingsSection } from '../hooks/useSettingsSection';
import { ChannelMatrix } from './ChannelMatrix';
import { SectionFooter } from './SectionFooter';

const KEYS = [
  'communicationsEnabled',
  'channels',
  'channelToggles',
  'consent',
  'unreliable',
  'limits',
] as const;

/** Channels: the master switch (T1), the clinic's channels and the T2 matrices, consent (T3), limits. */
export function ChannelsSection({
  settings,
  onDirtyChange,
}: {
  settings: ClinicSettings;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const t = useMessages();
  const section = useSettingsSection(settings, KEYS, onDirtyChange);
  const { draft, update, errorAt } = section;
  const services = useQuery({ queryKey: ['services', 'settings'], queryFn: settingsApi.services });
  const resources = useQuery({ queryKey: ['resources', 'settings'], queryFn: settingsApi.resources });
  const modes: Record<ConsentMode, { label: string; meaning: string }> = {
    'all-with-valid-contact': { label: t.settingsConsentAll, meaning: t.settingsConsentAllHint },
    'opt-in': { label: t.settingsConsentOptIn, meaning: t.settingsConsentOptInHint },
    nobody: { label: t.settingsConsentNobody, meaning: t.settingsConsentNobodyHint },
  };
  const purposes: Record<ConsentPurpose, string> = {
    reminders: t.settingsPurposeReminders,
    recall: t.settingsPurposeRecall,
    surveys: t.settingsPurposeSurveys,
  };
  return (
    <Stack>
      <Switch
        size="md"
        label={t.settingsMasterSwitch}
        description={t.settingsMasterSwitchHint}
        checked={draft.communicationsEnabled}
        onChange={(e) => update({ communicationsEnabled: e.currentTarget.checked })}
        error={errorAt('communicationsEnabled')}
      />
      <div>
        <Title order={4}>{t.settingsClinicChannels}</Title>
        <Group mt="xs">
          {CHANNELS.map((channel) => (
            <Switch
              key={channel}
              label={channelLabel(t, channel)}
              checked={draft.channels[channel]}
              onChange={(e) =>
                update({ channels: { ...draft.channels, [channel]: e.currentTarget.checked } })
              }
            />
          ))}
        </Group>
      </div>
      <div>
        <Title order={4}>{t.settingsMatrixTitle}</Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t.settingsMatrixHint}
        </Text>
        <Group align="flex-start" gap="xl">
          <ChannelMatrix
            caption={t.settingsMatrixServices}
            rowHeader={t.settingsService}
            entries={services.data?.items ?? []}
            toggles={draft.channelToggles.services}
            clinicChannels={draft.channels}
            onChange={(toggles) => update({ channelToggles: { ...draft.channelToggles, services: toggles } })}
          />
          <ChannelMatrix
            caption={t.settingsMatrixResources}
            rowHeader={t.settingsResource}
            entries={resources.data?.items ?? []}
            toggles={draft.channelToggles.resources}
            clinicChannels={draft.channels}
            onChange={(toggles) =>
              update({ channelToggles: { ...draft.channelToggles, resources: toggles } })
            }
          />
        </Group>
      </div>
      <Radio.Group
        label={t.settingsConsentMode}
        description={t.settingsConsentHint}
        value={draft.consent.mode}
        onChange={(mode) => update({ consent: { ...draft.consent, mode: mode as ConsentMode } })}
        error={errorAt('consent.mode')}
      >
        <Stack gap={4} mt="xs">
          {CONSENT_MODES.map((mode) => (
            <Radio key={mode} value={mode} label={modes[mode].label} description={modes[mode].meaning} />
          ))}
        </Stack>
      </Radio.Group>
      <Checkbox.Group
        label={t.settingsConsentPurposes}
        description={t.settingsConsentPurposesHint}
        value={draft.consent.purposes}
        onChange={(value) => update({ consent: { ...draft.consent, purposes: value as ConsentPurpose[] } })}
        error={errorAt('consent.purposes')}
      >
        <Group mt="xs">
          {CONSENT_PURPOSES.map((purpose) => (
            <Checkbox key={purpose} value={purpose} label={purposes[purpose]} />
          ))}
        </Group>
      </Checkbox.Group>
      <Title order={4}>{t.settingsUnreliableTitle}</Title>
      <Group align="flex-start">
        <NumberInput
          label={t.settingsNoShowRate}
          description={t.settingsNoShowRateHint}
          suffix=" %"
          min={0}
          max={100}
          w={220}
          value={Math.round(draft.unreliable.noShowRate * 100)}
          onChange={(value) =>
            update({ unreliable: { ...draft.unreliable, noShowRate: Number(value || 0) / 100 } })
          }
          error={errorAt('unreliable.noShowRate')}
        />
        <NumberInput
          label={t.settingsMinimumVisits}
          description={t.settingsMinimumVisitsHint}
          min={0}
          w={220}
          value={draft.unreliable.minimumVisits}
          onChange={(value) =>
            update({ unreliable: { ...draft.unreliable, minimumVisits: Number(value || 0) } })
          }
          error={errorAt('unreliable.minimumVisits')}
        />
      </Group>
      <Title order={4}>{t.settingsLimitsTitle}</Title>
      <Group align="flex-start">
        <NumberInput
          label={t.settingsLeadTime}
          description={t.settingsLeadTimeHint}
          min={0}
          w={220}
          value={draft.limits.minimumLeadTimeHours}
          onChange={(value) =>
            update({ limits: { ...draft.limits, minimumLeadTimeHours: Number(value || 0) } })
          }
          error={errorAt('limits.minimumLeadTimeHours')}
        />
        <Switch
          mt="xl"
          label={t.settingsOnePerDay}
          checked={draft.limits.onePerPersonPerDay}
          onChange={(e) =>
            update({ limits: { ...draft.limits, onePerPersonPerDay: e.currentTarget.checked } })
          }
        />
        <Switch
          mt="xl"
          label={t.settingsMergeSameDay}
          description={t.settingsMergeSameDayHint}
          checked={draft.limits.mergeSameDayReminders ?? false}
          onChange={(e) =>
            update({ limits: { ...draft.limits, mergeSameDayReminders: e.currentTarget.checked } })
          }
        />
      </Group>
      <SectionFooter
        label={t.settingsSaveChannels}
        dirty={section.dirty}
        saved={section.saved}
        saving={section.save.isPending}
        error={section.save.error}
        conflict={section.conflict}
        errors={section.errors}
        shownPaths={['communicationsEnabled', 'consent', 'unreliable', 'limits']}
        onSave={() => section.save.mutate()}
      />
    </Stack>
  );
}
