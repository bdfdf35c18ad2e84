import { Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../api/apiClient';
import { newRequestId } from '../../../api/requestId';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import { resourceAlertsApi, type ResourceAlertAnswer } from '../api/resourceAlertsApi';

/** What staff tell the patients about a practitioner (F9). */
export type ResourceAlertKind = 'late' | 'absent';

/**
 * Declares a practitioner late (minutes, today) or absent (from a first to a last clinic day), with one mode per
 * kind. The request id is made when the dialog opens, so a second click of the same dialog tells nobody twice.
 */
export function ResourceAlertDialog({
  kind,
  resource,
  today,
  onClose,
  onDone,
}: {
  kind: ResourceAlertKind;
  resource: { id: string; name: string };
  /** The clinic's day today, `yyyy-MM-dd` (an absence starts there by default and cannot end before). */
  today: string;
  onClose: () => void;
  onDone: (answer: ResourceAlertAnswer) => void;
}) {
  const t = useMessages();
  const [requestId] = useState(newRequestId);
  const [minutes, setMinutes] = useState<number | ''>(15);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const send = useMutation({
    mutationFn: () =>
      kind === 'late'
        ? resourceAlertsApi.delay(resource.id, { requestId, minutes: Number(minutes) })
        : resourceAlertsApi.absence(resource.id, { requestId, absence: { from, to } }),
    onSuccess: onDone,
  });
  const refusal = send.error instanceof ApiError ? send.error.errors : [];
  const toBeforeFrom = kind === 'absent' && from !== '' && to !== '' && to < from;
  const ready = kind === 'late' ? minutes !== '' && minutes >= 1 : from !== '' && to !== '' && !toBeforeFrom;
  const title = formatMessage(kind === 'late' ? t.practitionerLateOf : t.practitionerAbsentOf, {
    name: resource.name,
  });
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t.close }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) send.mutate();
        }}
      >
        <Stack>
          {kind === 'late' ? (
            <NumberInput
              label={t.lateMinutes}
              min={1}
              max={24 * 60}
              allowDecimal={false}
              value={minutes}
              onChange={(value) => setMinutes(typeof value === 'number' ? value : '')}
              data-autofocus
              required
            />
          ) : (
            <Group grow align="flex-start">
              <TextInput
                type="date"
                label={t.absentFrom}
                value={from}
                min={today}
                onChange={(e) => setFrom(e.currentTarget.value)}
                data-autofocus
                required
              />
              <TextInput
                type="date"
                label={t.absentTo}
                value={to}
                min={from || today}
                onChange={(e) => setTo(e.currentTarget.value)}
                error={toBeforeFrom ? t.absentToBeforeFrom : undefined}
                required
              />
            </Group>
          )}
          <Text size="sm">
            {formatMessage(kind === 'late' ? t.lateHint : t.absentHint, { name: resource.name })}
          </Text>
          {send.error && (
            <Alert color="red" role="alert" title={send.error.message}>
              {refusal.map((error, i) => (
                <Text size="sm" key={i}>
                  {error.path}: {error.message}
                </Text>
              ))}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t.cancel}
            </Button>
            <Button type="submit" disabled={!ready} loading={send.isPending}>
              {t.alertSend}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
