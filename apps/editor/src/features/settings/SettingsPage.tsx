import { Alert, Loader, Stack, Tabs, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { settingsApi } from './api/settingsApi';
import { ApiKeysSection } from './components/ApiKeysSection';
import { ChannelsSection } from './components/ChannelsSection';
import { IntegrationsSection } from './components/IntegrationsSection';
import { OperationsSection } from './components/OperationsSection';
import { QuietHoursSection } from './components/QuietHoursSection';
import { SendersSection } from './components/SendersSection';
import { UnsavedChangesGuard } from './components/UnsavedChangesGuard';

type Section = 'channels' | 'quiet-hours' | 'senders' | 'operations' | 'api-keys' | 'integrations';
const SECTIONS: Section[] = ['channels', 'quiet-hours', 'senders', 'operations', 'api-keys', 'integrations'];

/** `/settings` (managers): one tab per section, each saved on its own; a banner while in test mode. */
export default function SettingsPage() {
  const t = useMessages();
  const settings = useQuery({ queryKey: ['settings'], queryFn: settingsApi.get });
  const [tab, setTab] = useState<Section>('channels');
  const [dirty, setDirty] = useState<Record<Section, boolean>>({
    channels: false,
    'quiet-hours': false,
    senders: false,
    operations: false,
    'api-keys': false, // saved key by key: never unsaved
    integrations: false,
  });
  // One stable callback per section: the sections report their state from an effect.
  const reporters = useMemo(
    () =>
      Object.fromEntries(
        SECTIONS.map((s) => [
          s,
          (value: boolean) => setDirty((d) => (d[s] === value ? d : { ...d, [s]: value })),
        ]),
      ) as Record<Section, (dirty: boolean) => void>,
    [],
  );
  const labels: Record<Section, string> = {
    channels: t.settingsTabChannels,
    'quiet-hours': t.settingsTabQuietHours,
    senders: t.settingsTabSenders,
    operations: t.settingsTabOperations,
    'api-keys': t.settingsTabApiKeys,
    integrations: t.settingsTabIntegrations,
  };
  const data = settings.data;
  return (
    <Stack>
      <Title order={2}>{t.settingsTitle}</Title>
      <Text>{t.settingsIntro}</Text>
      {settings.isPending && <Loader aria-label={t.settingsLoading} />}
      {settings.error && (
        <Alert color="red" role="alert">
          {settings.error.message}
        </Alert>
      )}
      {data?.testMode && (
        <Alert color="yellow" title={t.settingsTestModeBanner} data-testid="test-mode-banner">
          {t.settingsTestModeBannerText}
        </Alert>
      )}
      {data && !data.communicationsEnabled && (
        <Alert color="red" title={t.settingsAllOffBanner}>
          {t.settingsAllOffBannerText}
        </Alert>
      )}
      {data && (
        <Tabs value={tab} onChange={(value) => value && setTab(value as Section)}>
          <Tabs.List aria-label={t.settingsTitle}>
            {SECTIONS.map((s) => (
              <Tabs.Tab key={s} value={s} rightSection={dirty[s] ? <span aria-hidden>•</span> : undefined}>
                {labels[s]}
                {dirty[s] && <VisuallyHidden> ({t.settingsUnsaved})</VisuallyHidden>}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="channels" pt="md">
            <ChannelsSection settings={data} onDirtyChange={reporters.channels} />
          </Tabs.Panel>
          <Tabs.Panel value="quiet-hours" pt="md">
            <QuietHoursSection settings={data} onDirtyChange={reporters['quiet-hours']} />
          </Tabs.Panel>
          <Tabs.Panel value="senders" pt="md">
            <SendersSection settings={data} onDirtyChange={reporters.senders} />
          </Tabs.Panel>
          <Tabs.Panel value="operations" pt="md">
            <OperationsSection settings={data} onDirtyChange={reporters.operations} />
          </Tabs.Panel>
          <Tabs.Panel value="api-keys" pt="md">
            <ApiKeysSection />
          </Tabs.Panel>
          <Tabs.Panel value="integrations" pt="md">
            <IntegrationsSection onDirtyChange={reporters.integrations} />
          </Tabs.Panel>
        </Tabs>
      )}
      <UnsavedChangesGuard dirty={Object.values(dirty).some(Boolean)} />
    </Stack>
  );
}
