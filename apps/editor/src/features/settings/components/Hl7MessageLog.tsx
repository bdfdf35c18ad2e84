import { Badge, Button, Code, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useClinicClock } from '../../../clock';
import type { Messages } from '../../../i18n/messages';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import { stepWords } from '../../flows/utils/stepWords';
import type { Hl7MessageEntry, Hl7Outcome } from '../api/integrationsApi';

const OUTCOMES: Record<Hl7Outcome, { color: string; key: keyof Messages }> = {
  accepted: { color: 'green', key: 'hl7OutcomeAccepted' },
  duplicate: { color: 'gray', key: 'hl7OutcomeDuplicate' },
  error: { color: 'red', key: 'hl7OutcomeError' },
};

/** An HL7 message's segments one per line: they are separated by CR on the wire. */
const segmentsOf = (text: string) => text.split(/\r\n|\r|\n/).join('\n');

/**
 * The clinic's last HL7 messages, newest first: when they came (clinic time), their control id and type, how
 * they ended and the event they became; a refused message keeps its text, opened on demand.
 */
export function Hl7MessageLog({
  messages,
  refreshing,
  onRefresh,
}: {
  messages: Hl7MessageEntry[];
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const t = useMessages();
  const clock = useClinicClock();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const eventWord = (type: string) => {
    const key = stepWords.event[type as keyof typeof stepWords.event];
    return key ? t[key] : type;
  };
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>{t.hl7Log}</Title>
        <Button
          variant="default"
          size="xs"
          aria-label={t.hl7RefreshLog}
          loading={refreshing}
          onClick={onRefresh}
        >
          {t.hl7Refresh}
        </Button>
      </Group>
      {messages.length === 0 ? (
        <Text c="dimmed">{t.hl7LogNone}</Text>
      ) : (
        <Table withTableBorder captionSide="top" data-testid="hl7-messages">
          <Table.Caption style={{ textAlign: 'left' }}>{t.hl7LogCaption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.hl7ReceivedAt}</Table.Th>
              <Table.Th scope="col">{t.hl7ControlId}</Table.Th>
              <Table.Th scope="col">{t.hl7Type}</Table.Th>
              <Table.Th scope="col">{t.hl7Outcome}</Table.Th>
              <Table.Th scope="col">{t.hl7Event}</Table.Th>
              <Table.Th scope="col">{t.hl7Reason}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t.hl7ShowMessage}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {messages.map((entry) => {
              const outcome = OUTCOMES[entry.outcome];
              const textId = `hl7-text-${entry.id}`;
              const opened = open.has(entry.id);
              return (
                <Fragment key={entry.id}>
                  <Table.Tr data-testid="hl7-message">
                    <Table.Td>{clock?.dateTime(entry.receivedAt) ?? ''}</Table.Td>
                    <Table.Th scope="row">
                      <Code>{entry.controlId}</Code>
                    </Table.Th>
                    <Table.Td>
                      <Code>{entry.type}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={outcome.color} variant="light">
                        {t[outcome.key]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {entry.eventType
                        ? eventWord(entry.eventType)
                        : entry.outcome === 'error'
                          ? ''
                          : t.hl7NoEvent}
                    </Table.Td>
                    <Table.Td>{entry.reason ?? ''}</Table.Td>
                    <Table.Td>
                      {entry.text !== null && (
                        <Button
                          size="xs"
                          variant="subtle"
                          aria-expanded={opened}
                          aria-controls={opened ? textId : undefined}
                          aria-label={formatMessage(opened ? t.hl7HideMessageOf : t.hl7ShowMessageOf, {
                            controlId: entry.controlId,
                          })}
                          onClick={() => toggle(entry.id)}
                        >
                          {opened ? t.hl7HideMessage : t.hl7ShowMessage}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                  {opened && entry.text !== null && (
                    <Table.Tr>
                      <Table.Td colSpan={7}>
                        <div
                          id={textId}
                          role="region"
                          aria-label={formatMessage(t.hl7MessageText, { controlId: entry.controlId })}
                        >
                          <Code block>{segmentsOf(entry.text)}</Code>
                        </div>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
