import { ActionIcon, Anchor, Badge, Group, Paper, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconFlag, IconFlagFilled, IconMailOpened, IconMail } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useClinicClock } from '../../../clock';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import { formatWhen } from '../../report/utils/deliveryWords';
import type { InboxItem } from '../api/inboxApi';

interface InboxListProps {
  items: InboxItem[];
  openId: string | null;
  onOpen: (item: InboxItem) => void;
  onChange: (item: InboxItem, change: { read?: boolean; followUp?: boolean }) => void;
}

/** Received replies, unread ones in bold; opening one shows what it answered and marks it read. */
export function InboxList({ items, openId, onOpen, onChange }: InboxListProps) {
  const t = useMessages();
  const clock = useClinicClock();
  if (items.length === 0) return <Text c="dimmed">{t.inboxEmpty}</Text>;
  return (
    <Stack gap="xs" role="list" aria-label={t.inboxTitle}>
      {items.map((item) => {
        const name = item.patient?.name ?? t.inboxUnknownPatient;
        const open = item.id === openId;
        return (
          <Paper
            key={item.id}
            withBorder
            p="sm"
            role="listitem"
            data-testid="inbox-item"
            data-read={item.read}
            bg={item.read ? undefined : 'blue.0'}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <UnstyledButton
                onClick={() => onOpen(item)}
                aria-expanded={open}
                aria-label={formatMessage(t.inboxOpen, { name })}
                style={{ flex: 1, minWidth: 0 }}
              >
                <Group gap="xs">
                  <Text fw={item.read ? 400 : 700}>{name}</Text>
                  <Text size="xs" c="dimmed">
                    {item.from}
                  </Text>
                  {!item.read && (
                    <Badge size="xs" color="blue">
                      {t.inboxNewBadge}
                    </Badge>
                  )}
                  {item.followUp && (
                    <Badge size="xs" color="orange" variant="light">
                      {t.inboxFollowUp}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" fw={item.read ? 400 : 600} lineClamp={open ? undefined : 1}>
                  {item.text}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatMessage(t.inboxReceived, { at: formatWhen(item.receivedAt, clock) })}
                </Text>
              </UnstyledButton>
              <Group gap={4} wrap="nowrap">
                <Tooltip label={t.inboxFollowUp}>
                  <ActionIcon
                    variant="subtle"
                    color="orange"
                    aria-label={t.inboxFollowUp}
                    aria-pressed={item.followUp}
                    onClick={() => onChange(item, { followUp: !item.followUp })}
                  >
                    {item.followUp ? <IconFlagFilled size={16} /> : <IconFlag size={16} />}
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={item.read ? t.inboxMarkUnread : t.inboxMarkRead}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={item.read ? t.inboxMarkUnread : t.inboxMarkRead}
                    onClick={() => onChange(item, { read: !item.read })}
                  >
                    {item.read ? <IconMail size={16} /> : <IconMailOpened size={16} />}
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Group>
            {open && (
              <Stack gap={4} mt="xs" data-testid="inbox-detail">
                {item.questionText && (
                  <Text size="sm">
                    <Text span c="dimmed" size="xs">
                      {t.inboxAnswered}:{' '}
                    </Text>
                    {item.questionText}
                  </Text>
                )}
                <Text size="xs">
                  <Text span c="dimmed" size="xs">
                    {t.inboxOutcome}:{' '}
                  </Text>
                  {item.outcome}
                </Text>
                {item.appointmentId && (
                  <Group gap="xs">
                    {item.appointment?.start && (
                      <Text size="xs">
                        {formatMessage(t.inboxAppointment, {
                          date: formatWhen(item.appointment.start, clock),
                        })}
                      </Text>
                    )}
                    <Anchor
                      size="xs"
                      component={Link}
                      to={`/report?appointmentId=${encodeURIComponent(item.appointmentId)}`}
                    >
                      {t.inboxAppointmentLink}
                    </Anchor>
                  </Group>
                )}
              </Stack>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
