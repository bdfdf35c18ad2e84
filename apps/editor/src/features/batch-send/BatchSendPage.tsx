import { batchQuerySchema } from '@clinicflow/contract';
import { Alert, Button, Checkbox, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/apiClient';
import { useClinicClock } from '../../clock';
import { useMessages } from '../../i18n/useMessages';
import { formatMessage } from '../flows/utils/formatMessage';
import { useReportOptions } from '../report/hooks/useReportOptions';
import { clinicToday, plusDays } from '../report/utils/datePresets';
import { batchSendApi, type BatchQuery } from './api/batchSendApi';
import { BatchListExport } from './components/BatchListExport';
import { BatchMessage, type BatchMessageValue } from './components/BatchMessage';
import { BatchProgress } from './components/BatchProgress';
import { BatchQueryForm } from './components/BatchQueryForm';
import { BatchRecipients, countToSend } from './components/BatchRecipients';

/** Tomorrow's appointments on the clinic's calendar, with the contract's defaults (SMS, booked or confirmed). */
function initialQuery(timeZone: string | undefined): BatchQuery {
  const tomorrow = plusDays(clinicToday(new Date(), timeZone), 1);
  return batchQuerySchema.parse({ from: tomorrow, to: tomorrow });
}

/**
 * `/batch-send` (F11): pick recipients by their appointments or among every patient, check the list (and
 * download it), write, send, follow.
 */
export default function BatchSendPage() {
  const t = useMessages();
  const options = useReportOptions();
  const clock = useClinicClock();
  // untouched, the query follows the clinic's tomorrow (its zone arrives with the settings)
  const [edited, setQuery] = useState<BatchQuery | null>(null);
  const query = edited ?? initialQuery(clock?.timeZone);
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const [onePerPhone, setOnePerPhone] = useState(true);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<BatchMessageValue>({
    mode: 'write',
    body: '',
    subject: '',
    templateId: null,
  });
  const preview = useMutation({ mutationFn: batchSendApi.preview, onSuccess: () => setRemoved(new Set()) });
  const send = useMutation({ mutationFn: batchSendApi.create });
  const rows = preview.data?.items ?? [];
  const toSend = countToSend(rows, removed, onePerPhone);
  const problems = [
    ...(preview.error instanceof ApiError ? preview.error.errors : []),
    ...(send.error instanceof ApiError ? send.error.errors : []),
  ];
  const ready =
    toSend > 0 && (message.mode === 'write' ? message.body.trim() !== '' : message.templateId !== null);
  const submit = () =>
    send.mutate({
      name: name.trim() || undefined,
      query,
      removed: [...removed],
      onePerPhone,
      template:
        message.mode === 'template'
          ? { templateId: message.templateId! }
          : {
              body: message.body,
              ...(query.channel === 'email' && message.subject ? { subject: message.subject } : {}),
            },
    });
  const sendError = send.error ?? preview.error;
  return (
    <Stack maw={960}>
      <Title order={2}>{t.batchTitle}</Title>
      <Text c="dimmed">{t.batchIntro}</Text>
      <BatchQueryForm
        query={query}
        onChange={(patch) => {
          setQuery((current) => ({ ...(current ?? query), ...patch }));
          send.reset();
        }}
        onPreview={() => preview.mutate(query)}
        loading={preview.isPending}
        problems={problems}
        practitioners={options.practitioners}
        services={options.services}
      />
      {sendError && problems.length === 0 && (
        <Alert color="red" role="alert">
          {sendError.message}
        </Alert>
      )}
      {preview.data && (
        <Paper withBorder p="sm">
          <Stack gap="sm">
            <Text fw={600} data-testid="batch-summary">
              {preview.data.total === 0
                ? query.mode === 'patients'
                  ? t.batchNoPatients
                  : t.batchNoRecipients
                : formatMessage(t.batchRecipients, {
                    sendable: preview.data.sendable,
                    total: preview.data.total,
                  })}
            </Text>
            {rows.length > 0 && (
              <BatchRecipients
                rows={rows}
                removed={removed}
                onToggle={(id) =>
                  setRemoved((current) => {
                    const next = new Set(current);
                    if (!next.delete(id)) next.add(id);
                    return next;
                  })
                }
              />
            )}
            {rows.length > 0 && <BatchListExport query={query} removed={removed} />}
            <Checkbox
              label={t.batchOnePerPhone}
              checked={onePerPhone}
              onChange={(e) => setOnePerPhone(e.currentTarget.checked)}
            />
          </Stack>
        </Paper>
      )}
      {preview.data && rows.length > 0 && !send.data && (
        <Paper withBorder p="sm" component="section" aria-label={t.batchMessage}>
          <Stack gap="sm">
            <Title order={4}>{t.batchMessage}</Title>
            <BatchMessage
              channel={query.channel}
              value={message}
              onChange={(patch) => setMessage((current) => ({ ...current, ...patch }))}
              problems={problems}
              recipients={toSend}
            />
            <TextInput label={t.batchName} value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <Button onClick={submit} disabled={!ready} loading={send.isPending}>
              {formatMessage(t.batchSend, { count: toSend })}
            </Button>
          </Stack>
        </Paper>
      )}
      {send.data && <BatchProgress created={send.data} />}
    </Stack>
  );
}
