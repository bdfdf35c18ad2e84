import { CANCELLABLE_STATUSES, RETRYABLE_STATUSES } from '@clinicflow/contract';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  Loader,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError } from '../../../api/apiClient';
import { ClinicZoneNote, useClinicClock } from '../../../clock';
import type { Messages } from '../../../i18n/messages';
import { useMessages } from '../../../i18n/useMessages';
import { useReasonWords } from '../../../i18n/useReasonWords';
import { useSession } from '../../auth/useSession';
import { runsApi } from '../../runs/api/runsApi';
import { RunSteps } from '../../runs/components/RunSteps';
import { formatMessage } from '../../flows/utils/formatMessage';
import { reportApi, type DeliveryDetail, type DeliveryStatus } from '../api/reportApi';
import {
  channelLabel,
  errorInWords,
  formatWhen,
  recipientColors,
  recipientLabel,
  sentByLabel,
  statusColors,
  statusLabel,
} from '../utils/deliveryWords';
import { useReportOptions } from '../hooks/useReportOptions';
import { MessageAsSeen } from './MessageAsSeen';

/**
 * The sender a message went out with (S4): as the API recorded it when sending, else the step's own override;
 * a message sent with neither went out with the provider's default.
 */
function senderOf(delivery: DeliveryDetail, providerDefault: string): string | null {
  const step = delivery.sender ?? {};
  const email = step.emailFromAddress && [step.emailFromName, `<${step.emailFromAddress}>`].filter(Boolean);
  // WhatsApp has no sender of its own per message: it goes from the clinic's WhatsApp number
  const own = {
    sms: step.smsName,
    voice: step.callerNumber,
    email: email ? email.join(' ') : undefined,
    whatsapp: undefined,
  }[delivery.channel];
  return delivery.from ?? own ?? (delivery.sentAt ? providerDefault : null);
}

/**
 * Who changed a status, in the front desk's words: a user's e-mail as it is, the provider by its name, and the
 * engine's own processes (`host:pid:tag`, the dispatcher) as the engine, never by an internal name.
 */
function byWords(t: Messages, by: string): string {
  if (by.includes('@')) return by;
  if (by === 'engine' || by === 'dispatcher' || /^[^:\s]+:\d+:\w+$/.test(by)) return t.reportSentByEngine;
  return by;
}

/** States from which staff may send a message again, or cancel it (the API answers 409 otherwise). */
const retryable = new Set<DeliveryStatus>(RETRYABLE_STATUSES);
const cancellable = new Set<DeliveryStatus>(CANCELLABLE_STATUSES);

/** One delivery in full (S4): the message as seen, the status history, the problem in plain words, actions. */
export function DeliveryDrawer({ deliveryId, onClose }: { deliveryId: string | null; onClose: () => void }) {
  const t = useMessages();
  const client = useQueryClient();
  const clock = useClinicClock();
  const say = useReasonWords();
  const { isManager } = useSession();
  const { flowNames, userNames } = useReportOptions();
  const detail = useQuery({
    queryKey: ['delivery', deliveryId],
    queryFn: () => reportApi.get(deliveryId!),
    enabled: deliveryId !== null,
  });
  // the run's flow version names its steps as their cards do (a published version never changes)
  const flowId = detail.data?.flowId ?? null;
  const flowVersion = detail.data?.run?.flowVersion ?? null;
  const version = useQuery({
    queryKey: ['flow-version', flowId, flowVersion],
    queryFn: () => runsApi.version(flowId!, flowVersion!),
    enabled: flowId !== null && flowVersion !== null,
    staleTime: Infinity,
  });
  const changed = (delivery: DeliveryDetail) => {
    client.setQueryData(['delivery', delivery.id], delivery);
    void client.invalidateQueries({ queryKey: ['deliveries'] });
    void client.invalidateQueries({ queryKey: ['delivery-summary'] });
  };
  const retry = useMutation({ mutationFn: (id: string) => reportApi.retry(id), onSuccess: changed });
  const cancel = useMutation({ mutationFn: (id: string) => reportApi.cancel(id), onSuccess: changed });
  const delivery = detail.data;
  const sender = delivery ? senderOf(delivery, t.drawerSenderDefault) : null;
  const actionError = (retry.error ?? cancel.error) as Error | null;
  return (
    <Drawer
      opened={deliveryId !== null}
      onClose={() => {
        retry.reset();
        cancel.reset();
        onClose();
      }}
      position="right"
      size="lg"
      title={t.drawerTitle}
      closeButtonProps={{ 'aria-label': t.close }}
    >
      {!delivery ? (
        detail.error ? (
          <Alert color="red">{(detail.error as Error).message}</Alert>
        ) : (
          <Loader aria-label={t.loading} />
        )
      ) : (
        <Stack data-testid="delivery-drawer">
          <Group gap="xs">
            <Badge color={statusColors[delivery.status]} size="lg" data-testid="drawer-status">
              {statusLabel(t, delivery.status)}
            </Badge>
            <Badge variant="outline" color="gray">
              {channelLabel(t, delivery.channel)}
            </Badge>
            <Badge variant="dot" color={recipientColors[delivery.recipient.type] ?? 'gray'}>
              {recipientLabel(t, delivery.recipient.type)}
            </Badge>
          </Group>
          <Text fw={600}>
            {delivery.recipient.name} · {delivery.recipient.address}
          </Text>
          {delivery.error && (
            <Alert
              color="red"
              title={t.drawerProblem}
              icon={<IconAlertTriangle size={16} />}
              data-testid="drawer-problem"
            >
              <Text size="sm">{errorInWords(t, delivery.error)}</Text>
              <Text size="xs" c="dimmed">
                {delivery.error.reason}
              </Text>
            </Alert>
          )}
          {!delivery.error && delivery.reason && (
            <Alert color="gray" title={t.drawerReason} data-testid="drawer-reason">
              {say(delivery.why, delivery.reason)}
            </Alert>
          )}
          {delivery.inDoubt && (
            <Alert color="yellow" data-testid="drawer-in-doubt">
              {t.drawerInDoubt}
            </Alert>
          )}
          <Group>
            {retryable.has(delivery.status) && (
              <Button onClick={() => retry.mutate(delivery.id)} loading={retry.isPending}>
                {t.drawerRetry}
              </Button>
            )}
            {cancellable.has(delivery.status) && (
              <Button
                color="red"
                variant="light"
                onClick={() => cancel.mutate(delivery.id)}
                loading={cancel.isPending}
              >
                {t.drawerCancel}
              </Button>
            )}
          </Group>
          {retry.isSuccess && delivery.status === 'scheduled' && <Text role="status">{t.drawerRetried}</Text>}
          {cancel.isSuccess && <Text role="status">{t.drawerCancelled}</Text>}
          {actionError && (
            <Alert color="red" data-testid="drawer-action-error">
              {actionError instanceof ApiError ? actionError.message : String(actionError)}
            </Alert>
          )}
          <Title order={5}>{t.drawerAsSeen}</Title>
          <MessageAsSeen delivery={delivery} />
          {delivery.segments != null && delivery.channel === 'sms' && (
            <Text size="xs" c="dimmed">
              {formatMessage(t.drawerSegments, {
                segments: delivery.segments,
                credits: delivery.credits ?? 0,
              })}
            </Text>
          )}
          {sender && (
            <Text size="xs" data-testid="drawer-sender">
              {formatMessage(t.drawerLabelled, { label: t.drawerSender, value: sender })}
            </Text>
          )}
          <Text size="xs" data-testid="drawer-sent-by">
            {formatMessage(t.drawerLabelled, {
              label: t.drawerSentBy,
              value: sentByLabel(t, delivery, flowNames, userNames),
            })}
          </Text>
          {delivery.openedAt && clock && (
            <Text size="xs" data-testid="drawer-opened">
              {formatMessage(t.drawerOpened, {
                at: formatWhen(delivery.openedAt, clock),
                count: delivery.opens,
              })}
              {delivery.proxyOpens === delivery.opens && ` (${t.reportProxyOpens})`}
            </Text>
          )}
          {delivery.readAt && clock && (
            <Text size="xs" data-testid="drawer-read">
              {formatMessage(t.drawerRead, { at: formatWhen(delivery.readAt, clock) })}
            </Text>
          )}
          {delivery.providerMessageId && (
            <Text size="xs" c="dimmed">
              {formatMessage(t.drawerLabelled, {
                label: t.drawerProvider,
                value: delivery.providerMessageId,
              })}
            </Text>
          )}
          {delivery.appointmentId && (
            <Anchor
              size="sm"
              component={Link}
              to={`/report?appointmentId=${encodeURIComponent(delivery.appointmentId)}`}
              onClick={onClose}
            >
              {t.drawerAppointmentLink}
            </Anchor>
          )}
          <Title order={5}>{t.drawerTimeline}</Title>
          <ClinicZoneNote clock={clock} />
          <Timeline
            active={delivery.history.length - 1}
            bulletSize={14}
            lineWidth={2}
            data-testid="drawer-timeline"
          >
            {delivery.history.map((entry, i) => (
              <Timeline.Item key={i} color={statusColors[entry.status]} title={statusLabel(t, entry.status)}>
                <Text size="xs" c="dimmed">
                  {formatWhen(entry.at, clock)}
                  {entry.by ? ` · ${formatMessage(t.drawerBy, { who: byWords(t, entry.by) })}` : ''}
                </Text>
                {entry.reason && <Text size="xs">{say(entry.why, entry.reason)}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
          {delivery.run && delivery.run.steps.length > 0 && (
            <>
              <Title order={5}>{t.drawerDecisions}</Title>
              <RunSteps steps={delivery.run.steps} nodes={version.data?.flow.nodes} clock={clock} />
              {isManager && (
                <Anchor
                  size="sm"
                  component={Link}
                  to={`/runs/${encodeURIComponent(delivery.run.id)}`}
                  onClick={onClose}
                >
                  {t.drawerOpenRun}
                </Anchor>
              )}
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
