import {
  Alert,
  Button,
  Group,
  Input,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/apiClient';
import { channelOptions } from '../../i18n/channelWords';
import { useClinicClock } from '../../clock';
import { useMessages } from '../../i18n/useMessages';
import { formatMessage } from '../flows/utils/formatMessage';
import type { DirectoryPatient } from '../patients/api/patientsApi';
import { PatientPicker } from '../patients/components/PatientPicker';
import { statusLabel } from '../report/utils/deliveryWords';
import { settingsApi } from '../settings/api/settingsApi';
import type { TemplateChannel } from '../templates/api/templatesApi';
import { SmsCounter } from '../templates/components/SmsCounter';
import { useMessagePreview } from '../templates/hooks/useMessagePreview';
import { sendsApi } from './api/sendsApi';
import { clinicLocalToInstant, instantToClinicLocal, nextHourInClinic } from './utils/clinicDateTime';

type Recipient = 'patient' | 'other';
type When = 'now' | 'later';

/**
 * `/send`: one message to a patient of the clinic (searched among all of them) or to any number or address
 * (F12), now or at a date and time of the clinic's zone, with its counter.
 */
export default function SendPage() {
  const t = useMessages();
  const clock = useClinicClock();
  const [channel, setChannel] = useState<TemplateChannel>('sms');
  const [recipient, setRecipient] = useState<Recipient>('patient');
  const [patient, setPatient] = useState<DirectoryPatient | null>(null);
  const [when, setWhen] = useState<When>('now');
  const [sendAtLocal, setSendAtLocal] = useState('');
  // when the moment was last chosen: "later" must still be to come then (the API checks it again)
  const [chosenAt, setChosenAt] = useState(() => Date.now());
  const [to, setTo] = useState('');
  const [name, setName] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  // "later" is a date and time at the clinic, whatever the computer's own zone
  const settings = useQuery({ queryKey: ['settings'], queryFn: settingsApi.get, staleTime: 60_000 });
  const timeZone = settings.data?.timeZone ?? null;
  const sendAt = when === 'later' && timeZone ? clinicLocalToInstant(sendAtLocal, timeZone) : null;
  const sendAtProblem =
    when === 'later' && sendAtLocal !== '' && (!sendAt || Date.parse(sendAt) <= chosenAt)
      ? t.sendAtPast
      : undefined;
  const chooseWhen = (value: When) => {
    setWhen(value);
    if (value === 'later' && sendAtLocal === '' && timeZone)
      setSendAtLocal(nextHourInClinic(new Date(), timeZone));
    setChosenAt(Date.now());
  };
  const preview = useMessagePreview(channel, 'fr', { body, subject: subject || undefined });
  const send = useMutation({
    // the variable is the moment asked for (null: now), so the answer can say "planned for …"
    mutationFn: (_later: string | null) =>
      sendsApi.send({
        channel,
        ...(recipient === 'patient'
          ? { patientId: patient?.id ?? undefined }
          : { to, name: name || undefined }),
        template: { body, ...(channel === 'email' && subject ? { subject } : {}) },
        ...(sendAt ? { sendAt } : {}),
      }),
  });
  const refusal = send.error instanceof ApiError ? send.error.errors : [];
  const ready =
    body.trim() !== '' &&
    (recipient === 'patient' ? patient !== null : to.trim() !== '') &&
    (when === 'now' || (sendAt !== null && !sendAtProblem));
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
        <PatientPicker label={t.sendPatient} value={patient} onChange={setPatient} />
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
      <Group align="flex-end">
        <Input.Wrapper label={t.sendWhen}>
          <SegmentedControl
            aria-label={t.sendWhen}
            display="flex"
            value={when}
            onChange={(value) => chooseWhen(value as When)}
            data={[
              { value: 'now', label: t.sendWhenNow },
              { value: 'later', label: t.sendWhenLater, disabled: !timeZone },
            ]}
          />
        </Input.Wrapper>
        {when === 'later' && timeZone && (
          <TextInput
            type="datetime-local"
            label={formatMessage(t.sendAt, { zone: timeZone })}
            description={formatMessage(t.sendAtHint, { zone: timeZone })}
            value={sendAtLocal}
            min={instantToClinicLocal(new Date(), timeZone)}
            onChange={(e) => {
              setSendAtLocal(e.currentTarget.value);
              setChosenAt(Date.now());
            }}
            error={sendAtProblem}
            required
            data-testid="send-at"
          />
        )}
      </Group>
      {send.data && (
        <Paper withBorder p="sm" role="status">
          <Text c="green">
            {send.variables && send.data.sendAt && timeZone
              ? formatMessage(t.sendPlanned, {
                  to: send.data.recipient.name ?? send.data.recipient.address ?? '',
                  at: clock?.dateTime(send.data.sendAt) ?? '',
                  status: statusLabel(t, send.data.status),
                })
              : formatMessage(t.sendDone, {
                  to: send.data.recipient.name ?? send.data.recipient.address ?? '',
                  status: statusLabel(t, send.data.status),
                })}
          </Text>
        </Paper>
      )}
      <Group>
        <Button disabled={!ready} loading={send.isPending} onClick={() => send.mutate(sendAt)}>
          {when === 'later' ? t.sendSchedule : t.sendNow}
        </Button>
      </Group>
    </Stack>
  );
}
