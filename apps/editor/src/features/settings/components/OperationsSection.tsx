import {
  Divider,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import type { ClinicSettings } from '../api/settingsApi';
import { useSettingsSection } from '../hooks/useSettingsSection';
import { CreditsPanel } from './CreditsPanel';
import { SectionFooter } from './SectionFooter';
import { ServiceStatusPanel } from './ServiceStatusPanel';

const KEYS = [
  'testMode',
  'creditsScope',
  'adminMobile',
  'adminAlerts',
  'retention',
  'emailOpenTracking',
] as const;

/** A number typed in a number field, or null when it was emptied. */
const numberOrNull = (value: number | string) => (typeof value === 'number' ? value : null);

/**
 * Test mode (C8), how credits are kept, the admin's alerts by e-mail and SMS (F10: the mobile they go to and
 * when they go), how long message texts are kept (docs/privacy.md), e-mail open tracking (C6), the credits (S7) and the service status (S8).
 */
export function OperationsSection({
  settings,
  onDirtyChange,
}: {
  settings: ClinicSettings;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const t = useMessages();
  const section = useSettingsSection(settings, KEYS, onDirtyChange);
  const alerts = section.draft.adminAlerts;
  return (
    <Stack>
      <Switch
        size="md"
        label={t.settingsTestMode}
        description={t.settingsTestModeHint}
        checked={section.draft.testMode}
        onChange={(e) => section.update({ testMode: e.currentTarget.checked })}
        error={section.errorAt('testMode')}
      />
      <Radio.Group
        label={t.settingsCreditsScope}
        value={section.draft.creditsScope}
        onChange={(scope) => section.update({ creditsScope: scope as 'clinic' | 'practitioner' })}
        error={section.errorAt('creditsScope')}
      >
        <Stack gap={4} mt="xs">
          <Radio value="clinic" label={t.settingsCreditsPerClinic} />
          <Radio value="practitioner" label={t.settingsCreditsPerPractitioner} />
        </Stack>
      </Radio.Group>
      <Title order={5}>{t.settingsAdminAlerts}</Title>
      <Text size="sm" c="dimmed" maw={720}>
        {t.settingsAdminAlertsHint}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} maw={960}>
        <TextInput
          label={t.settingsAdminMobile}
          description={t.settingsAdminMobileHint}
          value={section.draft.adminMobile ?? ''}
          onChange={(e) => section.update({ adminMobile: e.currentTarget.value.trim() || null })}
          error={section.errorAt('adminMobile')}
        />
        <NumberInput
          label={t.settingsCreditsBelow}
          description={t.settingsCreditsBelowHint}
          min={1}
          allowDecimal={false}
          value={alerts.creditsBelow ?? ''}
          onChange={(value) =>
            section.update({ adminAlerts: { ...alerts, creditsBelow: numberOrNull(value) } })
          }
          error={section.errorAt('adminAlerts.creditsBelow')}
        />
        <NumberInput
          label={t.settingsProviderFailures}
          min={2}
          allowDecimal={false}
          value={alerts.providerFailuresInARow}
          onChange={(value) =>
            section.update({
              adminAlerts: {
                ...alerts,
                providerFailuresInARow: numberOrNull(value) ?? alerts.providerFailuresInARow,
              },
            })
          }
          error={section.errorAt('adminAlerts.providerFailuresInARow')}
        />
      </SimpleGrid>
      <NumberInput
        maw={320}
        label={t.settingsRetention}
        description={t.settingsRetentionHint}
        min={1}
        max={120}
        allowDecimal={false}
        value={section.draft.retention.months}
        onChange={(value) =>
          section.update({ retention: { months: numberOrNull(value) ?? section.draft.retention.months } })
        }
        error={section.errorAt('retention.months')}
      />
      <Switch
        label={t.settingsEmailOpenTracking}
        description={t.settingsEmailOpenTrackingHint}
        maw={720}
        checked={section.draft.emailOpenTracking}
        onChange={(e) => section.update({ emailOpenTracking: e.currentTarget.checked })}
        error={section.errorAt('emailOpenTracking')}
      />
      <SectionFooter
        label={t.settingsSaveOperations}
        dirty={section.dirty}
        saved={section.saved}
        saving={section.save.isPending}
        error={section.save.error}
        conflict={section.conflict}
        errors={section.errors}
        shownPaths={[...KEYS]}
        onSave={() => section.save.mutate()}
      />
      <Divider />
      <CreditsPanel settings={settings} />
      <Divider />
      <ServiceStatusPanel />
    </Stack>
  );
}
