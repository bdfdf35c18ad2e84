import type { Channel } from '@clinicflow/contract';
import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ClinicClock } from '../../../clock';
import { channelLabel, channelOptions } from '../../../i18n/channelWords';
import type { Messages } from '../../../i18n/messages';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../utils/formatMessage';
import { ScriptedMoment } from './ScriptedMoment';
import {
  receiptOnChannel,
  receiptStatusesOf,
  type ReceiptStatus,
  type ScriptedReceipt,
} from '../utils/simulationForm';

// the words of a ladder's goal ("Counts as reached when the message is delivered"), so both read alike
const statusWords: Record<ReceiptStatus, keyof Messages> = {
  delivered: 'reasonGoalDelivered',
  read: 'reasonGoalRead',
  failed: 'reasonGoalFailed',
};

const sentences: Record<ReceiptStatus, keyof Messages> = {
  delivered: 'simulationReceiptDeliveredSentence',
  read: 'simulationReceiptReadSentence',
  failed: 'simulationReceiptFailedSentence',
};

/**
 * Receipts of the messages "Reach the patient" steps send during the simulation, each read as a sentence
 * ("the WhatsApp message is read on Tuesday 12 May 2026 at 10:05") with its channel, status, day and time in
 * the clinic's zone.
 */
export function ScriptedReceipts({
  receipts,
  onChange,
  clock,
  defaultDay,
}: {
  receipts: ScriptedReceipt[];
  onChange: (receipts: ScriptedReceipt[]) => void;
  clock: ClinicClock | null;
  /** The day a new receipt starts on. */
  defaultDay: string;
}) {
  const t = useMessages();
  const set = (index: number, next: ScriptedReceipt) =>
    onChange(receipts.map((receipt, i) => (i === index ? next : receipt)));
  const sentence = (receipt: ScriptedReceipt) =>
    formatMessage(t[sentences[receipt.status]], {
      channel: channelLabel(t, receipt.channel),
      day: clock && receipt.day ? clock.longDay(receipt.day) : receipt.day,
      time: receipt.time,
    });
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t.simulationReceipts}
      </Text>
      <Text size="xs" c="dimmed">
        {t.simulationReceiptsHint}
      </Text>
      {receipts.map((receipt, i) => (
        <Stack key={i} gap={2} data-testid="scripted-receipt">
          <Group gap={4} wrap="nowrap" align="flex-end">
            <NativeSelect
              size="xs"
              label={t.fieldChannel}
              data={channelOptions(t)}
              value={receipt.channel}
              onChange={(e) => set(i, receiptOnChannel(receipt, e.currentTarget.value as Channel))}
              style={{ flex: 1.2 }}
            />
            <NativeSelect
              size="xs"
              label={t.simulationReceiptStatus}
              data={receiptStatusesOf(receipt.channel).map((status) => ({
                value: status,
                label: t[statusWords[status]],
              }))}
              value={receipt.status}
              onChange={(e) => set(i, { ...receipt, status: e.currentTarget.value as ReceiptStatus })}
              style={{ flex: 1 }}
            />
            <ScriptedMoment
              day={receipt.day}
              time={receipt.time}
              labels={{
                day: t.simulationReceiptDay,
                time: t.simulationReceiptAt,
                remove: t.simulationRemoveReceipt,
              }}
              onChange={(moment) => set(i, { ...receipt, ...moment })}
              onRemove={() => onChange(receipts.filter((_, j) => j !== i))}
            />
          </Group>
          <Text size="xs" c="dimmed" data-testid="scripted-receipt-sentence">
            {sentence(receipt)}
          </Text>
        </Stack>
      ))}
      <Button
        size="xs"
        variant="subtle"
        leftSection={<IconPlus size={14} />}
        onClick={() =>
          onChange([...receipts, { channel: 'whatsapp', status: 'read', day: defaultDay, time: '10:00' }])
        }
      >
        {t.simulationAddReceipt}
      </Button>
    </Stack>
  );
}
