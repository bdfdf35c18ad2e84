import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/apiClient';
import { ConfirmAction } from './ConfirmAction';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import { integrationsApi, type Hl7Connection, type Hl7ConnectionView } from '../api/integrationsApi';
import { Hl7MessageLog } from './Hl7MessageLog';

const QUERY_KEY = ['settings', 'hl7'];

/** The form as typed: the lists one entry per line, as a manager pastes them from the PMS's documentation. */
interface Hl7Draft {
  sendingFacility: string;
  allowedPeers: string;
  onlineApplications: string;
}

const draftOf = (connection: Hl7ConnectionView['connection']): Hl7Draft => ({
  sendingFacility: connection?.sendingFacility ?? '',
  allowedPeers: (connection?.allowedPeers ?? []).join('\n'),
  onlineApplications: (connection?.onlineApplications ?? []).join('\n'),
});

/** What the draft saves: addresses hold no spaces or commas, so any of them separates two. */
const connectionOf = (draft: Hl7Draft): Hl7Connection => ({
  sendingFacility: draft.sendingFacility.trim(),
  allowedPeers: draft.allowedPeers.split(/[\s,;]+/).filter(Boolean),
  onlineApplications: draft.onlineApplications
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean),
});

const FIELDS = ['sendingFacility', 'allowedPeers', 'onlineApplications'] as const;
type Field = (typeof FIELDS)[number];

/**
 * The clinic's HL7 v2 connection (issue 19): where the installation's MLLP listener is, the sending facility
 * (MSH-4) that routes a message to this clinic, the checks it must pass (a secret in MSH-8 and/or an allowed
 * address: with neither the server takes nothing), and the log of the last messages with what became of them.
 */
export function Hl7Panel({ onDirtyChange }: { onDirtyChange?: (dirty: boolean) => void }) {
  const t = useMessages();
  const queryClient = useQueryClient();
  const view = useQuery({ queryKey: QUERY_KEY, queryFn: integrationsApi.hl7.view });
  // null while the form shows what is saved; the manager's edit otherwise
  const [draft, setDraft] = useState<Hl7Draft | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'disconnect' | 'new-secret' | null>(null);

  const connection = view.data?.connection ?? null;
  const shown = draft ?? draftOf(connection);
  const dirty =
    draft !== null &&
    JSON.stringify(connectionOf(draft)) !== JSON.stringify(connectionOf(draftOf(connection)));
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  const show = (next: Hl7ConnectionView) => queryClient.setQueryData(QUERY_KEY, next);
  const connect = useMutation({
    mutationFn: integrationsApi.hl7.connect,
    onSuccess: (next) => {
      show(next);
      setDraft(null);
    },
  });
  const disconnect = useMutation({
    mutationFn: integrationsApi.hl7.disconnect,
    onSuccess: (next) => {
      show(next);
      setDraft(null);
      setSecret(null);
      setConfirming(null);
      connect.reset();
    },
  });
  const newSecret = useMutation({
    mutationFn: integrationsApi.hl7.newSecret,
    onSuccess: (answer) => {
      setSecret(answer.secret);
      setConfirming(null);
      return queryClient.invalidateQueries({ queryKey: QUERY_KEY });
    },
  });
  const removeSecret = useMutation({
    mutationFn: integrationsApi.hl7.removeSecret,
    onSuccess: (next) => {
      show(next);
      setSecret(null);
    },
  });

  const edit = (field: Field, value: string) => setDraft({ ...shown, [field]: value });
  const fieldErrors = connect.error instanceof ApiError ? connect.error.errors : [];
  /** The API's errors on a field, an entry of a list named by its value ("body.allowedPeers.0"). */
  const problem = (field: Field) => {
    const sent = connect.variables;
    const messages = fieldErrors.flatMap(({ path, message }) => {
      const [, name, index] = path.split('.');
      if (name !== field) return [];
      const entry =
        index !== undefined && sent && field !== 'sendingFacility' ? sent[field][Number(index)] : undefined;
      return [entry === undefined ? message : formatMessage(t.hl7EntryProblem, { entry, message })];
    });
    return messages.length ? messages.join(' · ') : undefined;
  };
  const unplaced =
    fieldErrors.length === 0 || fieldErrors.some(({ path }) => !FIELDS.some((f) => path.split('.')[1] === f));
  const actionError = disconnect.error ?? newSecret.error ?? removeSecret.error;
  const closed = connection !== null && !connection.hasSecret && connection.allowedPeers.length === 0;
  const listener = view.data?.listener;

  return (
    <Paper withBorder p="md" component="section" aria-label={t.hl7Title} data-testid="hl7-panel">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>{t.hl7Title}</Title>
          {view.data && (
            <Badge color={connection ? 'green' : 'gray'} variant="light" data-testid="hl7-connection-state">
              {connection ? t.hl7Connected : t.hl7NotConnected}
            </Badge>
          )}
        </Group>
        <Text size="sm">{t.hl7Intro}</Text>
        {view.isPending && <Loader aria-label={t.settingsLoading} />}
        {view.error && (
          <Text c="red" role="alert">
            {view.error.message}
          </Text>
        )}
        {listener &&
          (listener.port === null ? (
            <Alert color="blue" data-testid="hl7-listener">
              {t.hl7ListenerOff}
            </Alert>
          ) : (
            <Text data-testid="hl7-listener">
              {formatMessage(listener.tls ? t.hl7ListenerOnTls : t.hl7ListenerOn, {
                port: listener.port,
                host: window.location.hostname,
              })}
            </Text>
          ))}
        {closed && (
          <Alert color="orange" title={t.hl7ClosedTitle} data-testid="hl7-closed">
            {t.hl7Closed}
          </Alert>
        )}
        {view.data && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              connect.mutate(connectionOf(shown));
            }}
          >
            <Stack gap="sm">
              <TextInput
                label={t.hl7Facility}
                description={t.hl7FacilityHint}
                value={shown.sendingFacility}
                onChange={(e) => edit('sendingFacility', e.currentTarget.value)}
                error={problem('sendingFacility')}
                required
                w={360}
              />
              <Textarea
                label={t.hl7Peers}
                description={t.hl7PeersHint}
                value={shown.allowedPeers}
                onChange={(e) => edit('allowedPeers', e.currentTarget.value)}
                error={problem('allowedPeers')}
                autosize
                minRows={2}
                maw={480}
                styles={{ input: { fontFamily: 'monospace' } }}
              />
              <Textarea
                label={t.hl7OnlineApplications}
                description={t.hl7OnlineApplicationsHint}
                value={shown.onlineApplications}
                onChange={(e) => edit('onlineApplications', e.currentTarget.value)}
                error={problem('onlineApplications')}
                autosize
                minRows={2}
                maw={480}
                styles={{ input: { fontFamily: 'monospace' } }}
              />
              <Group>
                <Button
                  type="submit"
                  loading={connect.isPending}
                  disabled={shown.sendingFacility.trim() === '' || (connection !== null && !dirty)}
                >
                  {t.hl7Save}
                </Button>
                {connection && (
                  <Button variant="default" color="red" onClick={() => setConfirming('disconnect')}>
                    {t.hl7Disconnect}
                  </Button>
                )}
                {(dirty || (connect.isSuccess && draft === null)) && (
                  <Text size="sm" c={dirty ? 'orange' : 'green'} data-testid="hl7-state">
                    {dirty ? t.settingsUnsaved : t.settingsSaved}
                  </Text>
                )}
              </Group>
              {connect.error && unplaced && (
                <Text c="red" role="alert">
                  {connect.error.message}
                </Text>
              )}
            </Stack>
          </form>
        )}
        {confirming === 'disconnect' && (
          <ConfirmAction
            label={t.hl7Disconnect}
            question={t.hl7DisconnectConfirm}
            action={t.hl7Disconnect}
            pending={disconnect.isPending}
            onConfirm={() => disconnect.mutate()}
            onCancel={() => setConfirming(null)}
          />
        )}
        {connection && (
          <Stack gap="xs" data-testid="hl7-secret">
            <Title order={4}>{t.hl7Secret}</Title>
            <Text size="sm">{connection.hasSecret ? t.hl7SecretOn : t.hl7SecretOff}</Text>
            <Group>
              <Button
                variant="default"
                loading={newSecret.isPending}
                onClick={() => (connection.hasSecret ? setConfirming('new-secret') : newSecret.mutate())}
              >
                {t.hl7NewSecret}
              </Button>
              {connection.hasSecret && (
                <Button
                  variant="default"
                  color="red"
                  loading={removeSecret.isPending}
                  onClick={() => removeSecret.mutate()}
                >
                  {t.hl7RemoveSecret}
                </Button>
              )}
            </Group>
            {confirming === 'new-secret' && (
              <ConfirmAction
                label={t.hl7NewSecret}
                question={t.hl7NewSecretConfirm}
                action={t.hl7NewSecret}
                pending={newSecret.isPending}
                onConfirm={() => newSecret.mutate()}
                onCancel={() => setConfirming(null)}
              />
            )}
          </Stack>
        )}
        {secret && (
          <Alert color="green" title={t.hl7SecretCreated} data-testid="new-hl7-secret">
            <Code block>{secret}</Code>
          </Alert>
        )}
        {actionError && (
          <Text c="red" role="alert">
            {actionError.message}
          </Text>
        )}
        {view.data && (
          <Hl7MessageLog
            messages={view.data.messages}
            refreshing={view.isFetching}
            onRefresh={() => void view.refetch()}
          />
        )}
      </Stack>
    </Paper>
  );
}
