import { API_KEY_SCOPES } from '@clinicflow/contract';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../api/apiClient';
import { useClinicClock } from '../../../clock';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import { apiKeysApi, type ApiKeyScope, type CreatedApiKey } from '../api/apiKeysApi';

/**
 * The clinic's API keys for its practice software (B8): a manager names a key and chooses what it may do
 * (send events, keep the patients and the directory, read the reports); the key is shown once.
 */
export function ApiKeysSection() {
  const t = useMessages();
  const clock = useClinicClock();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: apiKeysApi.list });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['events']);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['api-keys'] });
  const create = useMutation({
    mutationFn: () => apiKeysApi.create({ name: name.trim(), scopes }),
    onSuccess: (key) => {
      setCreated(key);
      setName('');
      return refresh();
    },
  });
  const revoke = useMutation({ mutationFn: apiKeysApi.revoke, onSuccess: refresh });
  const problem = (path: string) =>
    create.error instanceof ApiError ? create.error.errors.find((e) => e.path === path)?.message : undefined;
  const scopeWords: Record<ApiKeyScope, { label: string; hint: string }> = {
    events: { label: t.apiKeyScopeEvents, hint: t.apiKeyScopeEventsHint },
    directory: { label: t.apiKeyScopeDirectory, hint: t.apiKeyScopeDirectoryHint },
    reports: { label: t.apiKeyScopeReports, hint: t.apiKeyScopeReportsHint },
  };
  return (
    <Stack>
      <Text>{t.apiKeysIntro}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t.apiKeysName}
            placeholder={t.apiKeysNamePlaceholder}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={problem('body.name')}
            w={320}
          />
          <Checkbox.Group
            label={t.apiKeysScopes}
            value={scopes}
            onChange={(value) => setScopes(value as ApiKeyScope[])}
            error={scopes.length === 0 ? t.apiKeysNoScope : problem('body.scopes')}
          >
            <Stack gap={6} mt="xs">
              {API_KEY_SCOPES.map((scope) => (
                <Checkbox
                  key={scope}
                  value={scope}
                  label={scopeWords[scope].label}
                  description={scopeWords[scope].hint}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group>
            <Button
              type="submit"
              loading={create.isPending}
              disabled={name.trim() === '' || scopes.length === 0}
            >
              {t.apiKeysCreate}
            </Button>
          </Group>
          {create.error && !(create.error instanceof ApiError && create.error.errors.length) && (
            <Text c="red" role="alert">
              {create.error.message}
            </Text>
          )}
        </Stack>
      </form>
      {created && (
        <Alert color="green" title={t.apiKeysCreated} data-testid="new-api-key">
          <Code block>{created.key}</Code>
        </Alert>
      )}
      {keys.error && (
        <Text c="red" role="alert">
          {keys.error.message}
        </Text>
      )}
      {keys.data && keys.data.length === 0 && <Text c="dimmed">{t.apiKeysNone}</Text>}
      {keys.data && keys.data.length > 0 && (
        <Table withTableBorder captionSide="top" data-testid="api-keys">
          <Table.Caption style={{ textAlign: 'left' }}>{t.apiKeysListCaption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.apiKeysName}</Table.Th>
              <Table.Th scope="col">{t.apiKeysPrefix}</Table.Th>
              <Table.Th scope="col">{t.apiKeysScopes}</Table.Th>
              <Table.Th scope="col">{t.apiKeysCreatedAt}</Table.Th>
              <Table.Th scope="col">{t.apiKeysCreatedBy}</Table.Th>
              <Table.Th scope="col">{t.apiKeysLastUsed}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t.apiKeysRevoke}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.data.map((key) => (
              <Table.Tr key={key.id}>
                <Table.Th scope="row">{key.name}</Table.Th>
                <Table.Td>
                  <Code>{key.prefix}</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {key.scopes.map((scope) => (
                      <Badge key={scope} variant="light">
                        {scopeWords[scope].label}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{clock?.dateTime(key.createdAt) ?? ''}</Table.Td>
                <Table.Td>{key.createdBy ?? ''}</Table.Td>
                <Table.Td>
                  {key.lastUsedAt ? (clock?.dateTime(key.lastUsedAt) ?? '') : t.apiKeysNeverUsed}
                </Table.Td>
                <Table.Td>
                  {key.revokedAt ? (
                    <Badge color="gray">{t.apiKeysRevoked}</Badge>
                  ) : (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={formatMessage(t.apiKeysRevokeName, { name: key.name })}
                      loading={revoke.isPending && revoke.variables === key.id}
                      onClick={() => revoke.mutate(key.id)}
                    >
                      {t.apiKeysRevoke}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
