import { Divider, Radio, Stack, Switch } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import type { ClinicSettings } from '../api/settingsApi';
import { useSettingsSection } from '../hooks/useSettingsSection';
import { CreditsPanel } from './CreditsPanel';
import { SectionFooter } from './SectionFooter';
import { ServiceStatusPanel } from './ServiceStatusPanel';

const KEYS = ['testMode', 'creditsScope'] as const;

/** Test mode (C8), how credits are kept, the credits (S7) and the service status (S8). */
export function OperationsSection({
  settings,
  onDirtyChange,
}: {
  settings: ClinicSettings;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const t = useMessages();
  const section = useSettingsSection(settings, KEYS, onDirtyChange);
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
      <SectionFooter
        label={t.settingsSaveOperations}
        dirty={section.dirty}
        saved={section.saved}
        saving={section.save.isPending}
        error={section.save.error}
        conflict={section.conflict}
        errors={section.errors}
        shownPaths={['testMode', 'creditsScope']}
        onSave={() => section.save.mutate()}
      />
      <Divider />
      <CreditsPanel settings={settings} />
      <Divider />
      <ServiceStatusPanel />
    </Stack>
  );
}
