import { Button, Checkbox, Group, PasswordInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { WRITE_BACK_EVENTS } from '@clinicflow/contract';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/apiClient';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import {
  integrationsApi,
  type CreatedWebhookEndpoint,
  type WebhookEndpointInput,
  type WebhookEndpointView,
  type WebhookEventType,
  type WebhookKind,
} from '../api/integrationsApi';
import {
  webhookEventLabel,
  webhookEventsOf,
  webhookKindOptions,
  webhookUrlPlaceholders,
  webhookWords,
} from '../utils/webhookWords';

/** The form as typed; the Authorization header is write-only: empty keeps the stored one. */
interface WebhookDraft {
  kind: WebhookKind;
  url: string;
  events: WebhookEventType[];
  description: string;
  authorization: string;
}

const draftOf = (endpoint: WebhookEndpointView | undefined): WebhookDraft => ({
  kind: endpoint?.kind ?? 'webhook',
  url: endpoint?.url ?? '',
  // a new endpoint hears the patients' answers, which every kind may hear
  events: endpoint?.events ?? [...WRITE_BACK_EVENTS],
  description: endpoint?.description ?? '',
  authorization: '',
});

/** What the draft saves: the events in the contract's order, the header only for a FHIR server and when typed. */
const inputOf = (draft: WebhookDraft, enabled: boolean): WebhookEndpointInput => {
  const authorization = draft.kind === 'fhir' ? draft.authorization.trim() : '';
  return {
    kind: draft.kind,
    url: draft.url.trim(),
    events: webhookEventsOf(draft.kind).filter((event) => draft.events.includes(event)),
    description: draft.description.trim(),
    enabled,
    ...(authorization ? { authorization } : {}),
  };
};

const FIELDS = ['url', 'events', 'description', 'authorization'] as const;
type Field = (typeof FIELDS)[number];

/**
 * An endpoint's form (issue 19): its kind (a signed webhook, or a PMS's FHIR server or MLLP endpoint told of
 * the patients' answers), its URL, the events it hears, a description and a FHIR server's Authorization header.
 * One form with a mode: without `endpoint` it adds one, with it it changes that one (its `enabled` kept).
 */
export function WebhookEndpointForm({
  endpoint,
  formKey,
  onSaved,
  onCancel,
  onDirtyChange,
}: {
  endpoint?: WebhookEndpointView;
  /** Names the form to `onDirtyChange`, which several forms share. */
  formKey: string;
  onSaved: (saved: CreatedWebhookEndpoint) => void;
  onCancel?: () => void;
  onDirtyChange?: (formKey: string, dirty: boolean) => void;
}) {
  const t = useMessages();
  const [draft, setDraft] = useState<WebhookDraft>(() => draftOf(endpoint));
  const save = useMutation({
    mutationFn: (input: WebhookEndpointInput) =>
      endpoint ? integrationsApi.webhooks.update(endpoint.id, input) : integrationsApi.webhooks.create(input),
    onSuccess: (saved) => {
      setDraft(draftOf(endpoint ? saved : undefined));
      onSaved(saved);
    },
  });

  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(endpoint));
  useEffect(() => {
    onDirtyChange?.(formKey, dirty);
    return () => onDirtyChange?.(formKey, false);
  }, [dirty, formKey, onDirtyChange]);

  const offered = webhookEventsOf(draft.kind);
  const chooseKind = (kind: WebhookKind) => {
    // a PMS's FHIR server or MLLP endpoint hears the answers only: keep those chosen, or both
    const kept = draft.events.filter((event) => webhookEventsOf(kind).includes(event));
    setDraft({ ...draft, kind, events: kept.length ? kept : [...WRITE_BACK_EVENTS] });
  };

  const fieldErrors = save.error instanceof ApiError ? save.error.errors : [];
  /** The API's errors on a field; an event of the list (`body.events.0`) is named in the clinic's words. */
  const problem = (field: Field) => {
    const sent = save.variables;
    const messages = fieldErrors.flatMap(({ path, message }) => {
      const [, name, index] = path.split('.');
      if (name !== field) return [];
      const entry = field === 'events' && index !== undefined ? sent?.events[Number(index)] : undefined;
      return [
        entry === undefined
          ? message
          : formatMessage(t.webhooksEntryProblem, { entry: webhookEventLabel(t, entry), message }),
      ];
    });
    return messages.length ? messages.join(' · ') : undefined;
  };
  const unplaced =
    fieldErrors.length === 0 || fieldErrors.some(({ path }) => !FIELDS.some((f) => path.split('.')[1] === f));

  return (
    <form
      aria-label={endpoint ? formatMessage(t.webhooksEditOf, { url: endpoint.url }) : t.webhooksAdd}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(inputOf(draft, endpoint?.enabled ?? true));
      }}
    >
      <Stack gap="sm">
        <Radio.Group
          label={t.webhooksKind}
          value={draft.kind}
          onChange={(value) => chooseKind(value as WebhookKind)}
          name={`webhook-${formKey}-kind`}
        >
          <Group gap="lg" mt="xs">
            {webhookKindOptions(t).map(({ value, label }) => (
              <Radio key={value} value={value} label={label} />
            ))}
          </Group>
        </Radio.Group>
        <TextInput
          label={t.webhooksUrl}
          description={t[webhookWords.urlHint[draft.kind]]}
          placeholder={webhookUrlPlaceholders[draft.kind]}
          value={draft.url}
          onChange={(e) => setDraft({ ...draft, url: e.currentTarget.value })}
          error={problem('url')}
          required
          maw={480}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        <Checkbox.Group
          label={t.webhooksEvents}
          description={draft.kind === 'webhook' ? undefined : t.webhooksEventsWriteBack}
          value={draft.events}
          onChange={(value) => setDraft({ ...draft, events: value as WebhookEventType[] })}
          error={draft.events.length === 0 ? t.webhooksNoEvent : problem('events')}
        >
          <Stack gap={6} mt="xs">
            {offered.map((event) => (
              <Checkbox key={event} value={event} label={webhookEventLabel(t, event)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <TextInput
          label={t.webhooksDescription}
          placeholder={t.webhooksDescriptionPlaceholder}
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })}
          error={problem('description')}
          w={360}
        />
        {draft.kind === 'fhir' && (
          <PasswordInput
            label={t.webhooksAuthorization}
            description={
              endpoint?.hasAuthorization ? t.webhooksAuthorizationKept : t.webhooksAuthorizationHint
            }
            placeholder="Bearer …"
            autoComplete="off"
            value={draft.authorization}
            onChange={(e) => setDraft({ ...draft, authorization: e.currentTarget.value })}
            error={problem('authorization')}
            maw={480}
          />
        )}
        <Group>
          <Button
            type="submit"
            loading={save.isPending}
            disabled={
              draft.url.trim() === '' || draft.events.length === 0 || (endpoint !== undefined && !dirty)
            }
          >
            {endpoint ? t.webhooksSave : t.webhooksAddButton}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t.cancel}
            </Button>
          )}
        </Group>
        {save.error && unplaced && (
          <Text c="red" role="alert">
            {save.error.message}
          </Text>
        )}
      </Stack>
    </form>
  );
}
