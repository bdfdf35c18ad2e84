import { checkSenderId } from '@clinicflow/channels/browser';
import { SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import { CHANNELS } from '@clinicflow/contract';
import type { Channel, ClinicSettings, SettingsSections } from '../api/settingsApi';
import { useSettingsSection } from '../hooks/useSettingsSection';
import { providerFormOf, providerInputOf, type ProviderForm } from '../utils/providerFields';
import { CallbackSecretPanel } from './CallbackSecretPanel';
import { ProviderCard } from './ProviderCard';
import { SectionFooter } from './SectionFooter';

const KEYS = ['senders', 'adminEmail'] as const;
type Senders = SettingsSections['senders'];

const formsOf = (settings: ClinicSettings) =>
  Object.fromEntries(CHANNELS.map((c) => [c, providerFormOf(settings.providers[c])])) as Record<
    Channel,
    ProviderForm
  >;

/** Senders (C2) and the provider of each channel (C7), saved together. */
export function SendersSection({
  settings,
  onDirtyChange,
}: {
  settings: ClinicSettings;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const t = useMessages();
  const [forms, setForms] = useState(() => formsOf(settings));
  const [changed, setChanged] = useState<Channel[]>([]);
  const section = useSettingsSection(settings, KEYS, onDirtyChange, {
    extra: () => ({
      providers: Object.fromEntries(
        changed.map((c) => [c, providerInputOf(forms[c], settings.providers[c]?.kind)]),
      ),
    }),
    onSaved: (answer) => {
      setForms(formsOf(answer));
      setChanged([]);
    },
  });
  const { senders, adminEmail } = section.draft;
  const setSender = (key: keyof Senders, value: string) =>
    section.update({ senders: { ...senders, [key]: value.trim() === '' ? null : value } });
  const senderName = senders.smsSenderName ?? '';
  const senderCheck = senderName ? checkSenderId(senderName) : null;
  return (
    <Stack>
      <Title order={4}>{t.settingsSendersTitle}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} maw={720}>
        <TextInput
          label={t.settingsSmsSender}
          description={t.settingsSmsSenderRule}
          value={senderName}
          onChange={(e) => setSender('smsSenderName', e.currentTarget.value)}
          error={
            section.errorAt('senders.smsSenderName') ??
            (senderCheck && !senderCheck.valid ? senderCheck.reason : undefined)
          }
        />
        <TextInput
          label={t.settingsSmsReplyNumber}
          description={t.settingsSmsReplyNumberHint}
          value={senders.smsReplyNumber ?? ''}
          onChange={(e) => setSender('smsReplyNumber', e.currentTarget.value)}
          error={section.errorAt('senders.smsReplyNumber')}
        />
        <TextInput
          label={t.settingsVoiceCaller}
          description={t.settingsVoiceCallerHint}
          value={senders.voiceCallerNumber ?? ''}
          onChange={(e) => setSender('voiceCallerNumber', e.currentTarget.value)}
          error={section.errorAt('senders.voiceCallerNumber')}
        />
        <TextInput
          label={t.settingsEmailFromName}
          value={senders.emailFromName ?? ''}
          onChange={(e) => setSender('emailFromName', e.currentTarget.value)}
          error={section.errorAt('senders.emailFromName')}
        />
        <TextInput
          label={t.settingsEmailFromAddress}
          value={senders.emailFromAddress ?? ''}
          onChange={(e) => setSender('emailFromAddress', e.currentTarget.value)}
          error={section.errorAt('senders.emailFromAddress')}
        />
        <TextInput
          label={t.settingsAdminEmail}
          description={t.settingsAdminEmailHint}
          value={adminEmail ?? ''}
          onChange={(e) => section.update({ adminEmail: e.currentTarget.value.trim() || null })}
          error={section.errorAt('adminEmail')}
        />
      </SimpleGrid>
      <Title order={4}>{t.settingsProvidersTitle}</Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {CHANNELS.map((channel) => (
          <ProviderCard
            key={channel}
            channel={channel}
            form={forms[channel]}
            onChange={(form) => {
              setForms((current) => ({ ...current, [channel]: form }));
              setChanged((current) => (current.includes(channel) ? current : [...current, channel]));
              section.markDirty();
            }}
            unsaved={changed.includes(channel)}
            clinicName={settings.name}
            clinicId={settings.clinicId}
            testMode={settings.testMode}
            errorAt={section.errorAt}
          />
        ))}
      </SimpleGrid>
      <CallbackSecretPanel clinicId={settings.clinicId} />
      <SectionFooter
        label={t.settingsSaveSenders}
        dirty={section.dirty}
        saved={section.saved}
        saving={section.save.isPending}
        error={section.save.error}
        conflict={section.conflict}
        errors={section.errors}
        shownPaths={['senders', 'adminEmail', 'providers']}
        onSave={() => section.save.mutate()}
      />
    </Stack>
  );
}
