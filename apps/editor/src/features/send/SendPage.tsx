import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch, ApiError } from '../../api/apiClient';
import { channelOptions } from '../../i18n/channelWords';
import { useMessages } from '../../i18n/useMessages';
import type { DirectoryPatient } from '../flows/utils/sampleFromDirectory';
import { formatMessage } from '../flows/utils/formatMessage';
import type { TemplateChannel } from '../templates/api/templatesApi';
import { SmsCounter } from '../templates/components/SmsCounter';
import { useMessagePreview } from '../templates/hooks/useMessagePreview';
import { sendsApi } from './api/sendsApi';

type Recipient = 'patient' | 'other';

/** `/send`: one message now to a patient of the clinic or to any number or address (F12), with its counter. */
export default function SendPage() {
  const t = useMessages();
  const [channel, setChannel] = useState<TemplateChannel>('sms');
  const [recipient, setRecipient] = useState<Recipient>('patient');
  const [patientId, setPatientId] = useState<string | null>(null);
  const [to, setTo] = useState('');
  const [name, setName] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const patients = useQuery({
    queryKey: ['patients', 'send'],
    queryFn: () => apiFetch<{ items: DirectoryPatient[] }>('/patients?pageSize=100'),
  });
  const preview = useMessagePreview(channel, 'fr', { body, subject: subject || undefined });
  const send = useMutation({
    mutationFn: () =>
      sendsApi.send({
        channel,
        ...(recipient === 'patient'
          ? { patientId: patientId ?? undefined }
          : { to, name: name || undefined }),
        template: { body, ...(channel === 'email' && subject ? { subject } : {}) },
      }),
  });
  const refusal = send.error instanceof ApiError ? send.error.errors : [];
  const ready = body.trim() !== '' && (recipient === 'patient' ? patientId !== null : to.trim() !== '');
  return (
    <Stack maw={720}>
      <Title order={2}>{t.sendTitle}</Title>
      <Text>{t.sendIntro}</Text>
      <SegmentedControl
        aria-label={t.templateChannel}
        value={channel}
        onChange={(value) => setChannel(value as TemplateChannel)}
        data={channelOptions(t)}
      />
      <SegmentedControl
        aria-label={t.sendTo}
        value={recipient}
        onChange={(value) => setRecipient(value as Recipient)}
        data={[
          { value: 'patient', label: t.sendToPatient },
          { value: 'other', label: t.sendToOther },
        ]}
      />
      {recipient === 'patient' ? (
        <Select
          label={t.sendPatient}
          placeholder={t.simulationSearch}
          searchable
          data={(patients.data?.items ?? []).map((p) => ({
            value: p.id,
            label: [[p.firstName, p.lastName].filter(Boolean).join(' '), p.mobile ?? p.email]
              .filter(Boolean)
              .join(' · '),
          }))}
          value={patientId}
          onChange={setPatientId}
          nothingFoundMessage={t.simulationNoPatients}
        />
      ) : (
        <Group grow>
          <TextInput
            label={channel === 'email' ? t.sendAddress : t.sendNumber}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
          <TextInput label={t.sendName} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        </Group>
      )}
      {channel === 'email' && (
        <TextInput
          label={t.templateSubject}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
        />
      )}
      <Textarea
        label={channel === 'voice' ? t.templateScript : t.templateBody}
        autosize
        minRows={3}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
      />
      {channel === 'sms' && body.trim() !== '' && <SmsCounter preview={preview.data} />}
      {preview.data?.errors.map((error, i) => (
        <Text key={i} c="red" size="sm">
          {error.message}
        </Text>
      ))}
      {send.error && (
        <Alert color="red" role="alert" title={send.error.message}>
          {refusal.map((error, i) => (
            <Text size="sm" key={i}>
              {error.path}: {error.message}
            </Text>
          ))}
        </Alert>
      )}
      {send.data && (
        <Paper withBorder p="sm" role="status">
          <Text c="green">
            {formatMessage(t.sendDone, {
              to: send.data.recipient.name ?? send.data.recipient.address ?? '',
              status: send.data.status,
            })}
          </Text>
        </Paper>
      )}
      <Group>
        <Button disabled={!ready} loading={send.isPending} onClick={() => send.mutate()}>
          {t.sendNow}
        </Button>
      </Group>
    </Stack>
  );
}
