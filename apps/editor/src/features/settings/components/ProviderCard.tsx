import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { channelLabel } from '../../../i18n/channelWords';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import { DEFAULT_SENDING_RATES, SENDING_RATE_LIMITS, type ProviderTestResult } from '@clinicflow/contract';
import { settingsApi, type Channel, type ProviderKind } from '../api/settingsApi';
import {
  flagOn,
  KINDS_BY_CHANNEL,
  optionsShown,
  PROVIDER_FIELDS,
  type ProviderForm,
} from '../utils/providerFields';
import { TestMessage } from './TestMessage';

/**
 * One channel's provider (C7): its kind, its options, its secrets (written, never shown back: a "set" badge
 * says one is stored), a connection test of the saved settings and a test message.
 */
export function ProviderCard({
  channel,
  form,
  onChange,
  unsaved,
  clinicName,
  clinicId = '',
  testMode,
  errorAt,
}: {
  channel: Channel;
  form: ProviderForm;
  onChange: (form: ProviderForm) => void;
  unsaved: boolean;
  clinicName: string;
  /** Named in the address the mail provider posts e-mail replies to. */
  clinicId?: string;
  testMode: boolean;
  errorAt: (path: string) => string | undefined;
}) {
  const t = useMessages();
  const name = channelLabel(t, channel);
  const kinds: Record<ProviderKind, string> = {
    sandbox: t.providerSandbox,
    twilio: t.providerTwilio,
    http: t.providerHttp,
    smpp: t.providerSmpp,
    smtp: t.providerSmtp,
  };
  const labels: Record<string, string> = {
    host: t.providerHost,
    port: t.providerPort,
    systemId: t.providerSystemId,
    systemType: t.providerSystemType,
    defaultFrom: t.providerDefaultFrom,
    user: t.providerUser,
    accountSid: t.providerAccountSid,
    callerId: t.providerCallerId,
    messagingServiceSid: t.providerMessagingServiceSid,
    baseUrl: t.providerBaseUrl,
    password: t.providerPassword,
    pass: t.providerPassword,
    authToken: t.providerAuthToken,
    replyTo: t.providerReplyTo,
    inboundSecret: t.providerInboundSecret,
    requireTLS: t.providerRequireTls,
  };
  const hints: Record<string, string> = { requireTLS: t.providerRequireTlsHint };
  // on WhatsApp the default sender is the clinic's WhatsApp number: no sender name, no other number
  const whatsappNumber = (key: string) => channel === 'whatsapp' && key === 'defaultFrom';
  const fields = PROVIDER_FIELDS[form.kind];
  const test = useMutation({ mutationFn: () => settingsApi.testConnection(channel) });
  // The result in the user's language: the API gives a code, never the remote's own words.
  const results: Record<ProviderTestResult, string> = {
    connected: t.providerTestConnected,
    refused: t.providerTestRefused,
    'timed-out': t.providerTestTimedOut,
    'tls-failed': t.providerTestTlsFailed,
    'not-allowed': t.providerTestNotAllowed,
  };
  const path = `providers.${channel}`;
  const defaultRate = DEFAULT_SENDING_RATES[form.kind];
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4}>{name}</Title>
        <Select
          label={`${t.providerKind} (${name})`}
          data={KINDS_BY_CHANNEL[channel].map((kind) => ({ value: kind, label: kinds[kind] }))}
          value={form.kind}
          allowDeselect={false}
          // a new kind starts from its own default rate
          onChange={(kind) =>
            kind && onChange({ ...form, kind: kind as ProviderKind, newSecrets: {}, ratePerSecond: '' })
          }
          error={errorAt(`${path}.kind`)}
          maw={320}
        />
        {optionsShown(form.kind, channel).map((key) => (
          <TextInput
            key={key}
            label={whatsappNumber(key) ? t.providerWhatsappNumber : labels[key]}
            description={whatsappNumber(key) ? t.providerWhatsappNumberHint : undefined}
            value={form.options[key] ?? ''}
            onChange={(e) =>
              onChange({ ...form, options: { ...form.options, [key]: e.currentTarget.value } })
            }
            error={errorAt(`${path}.options.${key}`)}
            maw={320}
          />
        ))}
        <NumberInput
          label={t.providerRate}
          description={t.providerRateHint}
          placeholder={
            defaultRate === null
              ? t.providerRateUnlimited
              : formatMessage(t.providerRateDefault, { rate: defaultRate })
          }
          min={SENDING_RATE_LIMITS.min}
          max={SENDING_RATE_LIMITS.max}
          decimalScale={2}
          value={form.ratePerSecond}
          onChange={(value) => onChange({ ...form, ratePerSecond: String(value) })}
          error={errorAt(`${path}.ratePerSecond`)}
          maw={480}
        />
        {fields.flags?.map((key) => (
          <Checkbox
            key={key}
            label={labels[key]}
            description={hints[key]}
            checked={flagOn(form, key)}
            onChange={(e) =>
              onChange({ ...form, options: { ...form.options, [key]: String(e.currentTarget.checked) } })
            }
            error={errorAt(`${path}.options.${key}`)}
            maw={480}
          />
        ))}
        {fields.secrets.map((key) => {
          const stored = form.storedSecrets.includes(key);
          return (
            <Group key={key} align="flex-end" gap="xs">
              <PasswordInput
                label={labels[key]}
                description={
                  key === 'inboundSecret'
                    ? `${formatMessage(t.providerInboundSecretHint, { clinicId })} ${stored ? t.providerSecretKeep : t.providerSecretNone}`
                    : stored
                      ? t.providerSecretKeep
                      : t.providerSecretNone
                }
                autoComplete="new-password"
                value={form.newSecrets[key] ?? ''}
                onChange={(e) =>
                  onChange({ ...form, newSecrets: { ...form.newSecrets, [key]: e.currentTarget.value } })
                }
                error={errorAt(`${path}.credentials.${key}`)}
                maw={320}
              />
              {stored && (
                <Badge color="teal" variant="light" mb={6}>
                  {t.providerSecretSet}
                </Badge>
              )}
            </Group>
          );
        })}
        <Group>
          <Button
            variant="default"
            onClick={() => test.mutate()}
            loading={test.isPending}
            disabled={unsaved}
            title={unsaved ? t.providerSaveFirst : undefined}
          >
            {`${t.providerTestConnection} (${name})`}
          </Button>
          {unsaved && (
            <Badge variant="light" color="gray">
              {t.providerSaveFirst}
            </Badge>
          )}
        </Group>
        {test.data && (
          <Alert role="status" color={test.data.ok ? 'green' : 'red'} data-testid={`connection-${channel}`}>
            {test.data.ok ? t.providerReachable : t.providerUnreachable} {results[test.data.result]}
          </Alert>
        )}
        {test.error && (
          <Alert role="alert" color="red">
            {test.error.message}
          </Alert>
        )}
        <TestMessage channel={channel} clinicName={clinicName} testMode={testMode} />
      </Stack>
    </Paper>
  );
}
