import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  Modal,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { isBlockingProblem } from '@clinicflow/rules';
import { IconCheck } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../api/apiClient';
import { useMessages } from '../../../i18n/useMessages';
import { flowsApi, type FlowVersion, type SavedProblem } from '../api/flowsApi';
import { useFlowLive } from '../live';
import { describeProblem } from '../utils/describeProblem';
import { formatMessage } from '../utils/formatMessage';
import { FlowDiffSummary } from './FlowDiffSummary';

/**
 * Publishing: the validator's checklist (any error blocks it, with the reason; warnings are listed and do not),
 * what changed since the published version (the API's diff), a note kept with the new version, and whether
 * the flow runs afterwards: a flow that is off says so and offers "Turn on now" (publishing alone never
 * starts sending to patients).
 */
export function PublishDialog({
  flowId,
  latestVersion,
  problems,
  stepName,
  onClose,
  onPublished,
}: {
  flowId: string;
  latestVersion: number | null;
  problems: SavedProblem[];
  stepName: (nodeId: string) => string;
  onClose: () => void;
  /** After publishing: the version, and whether the flow was on already, turned on now, or stays off. */
  onPublished: (version: FlowVersion, running: 'on' | 'turned-on' | 'off') => void;
}) {
  const t = useMessages();
  const live = useFlowLive();
  const off = !live?.enabled;
  const [note, setNote] = useState('');
  const [turnOn, setTurnOn] = useState(false);
  const diff = useQuery({
    queryKey: ['flow-diff', flowId, latestVersion, 'publish'],
    queryFn: () => flowsApi.diff(flowId, latestVersion!),
    enabled: latestVersion !== null,
    gcTime: 0,
  });
  const publish = useMutation({
    mutationFn: () => flowsApi.publish(flowId, note),
    onSuccess: (version) => {
      if (off && turnOn) live?.setEnabled(true);
      onPublished(version, !off ? 'on' : turnOn ? 'turned-on' : 'off');
    },
  });
  const errors = problems.filter(isBlockingProblem);
  const warnings = problems.filter((problem) => !isBlockingProblem(problem));
  const blocked = errors.length > 0;
  const words = (problem: SavedProblem) =>
    `${problem.nodeId && !problem.code ? `${stepName(problem.nodeId)}: ` : ''}${describeProblem(problem, t, stepName)}`;
  const refusal = publish.error instanceof ApiError ? publish.error.errors : [];
  return (
    <Modal opened onClose={onClose} title={t.publishTitle} size="lg">
      <Stack>
        <Title order={4}>{t.publishChecklist}</Title>
        {blocked ? (
          <Alert color="red" title={formatMessage(t.publishBlocked, { count: errors.length })}>
            <List size="sm">
              {errors.map((problem, i) => (
                <List.Item key={i}>{words(problem)}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <Group gap="xs">
            <ThemeIcon color="green" size="sm" radius="xl">
              <IconCheck size={12} />
            </ThemeIcon>
            <Text size="sm">{t.publishReady}</Text>
          </Group>
        )}
        {warnings.length > 0 && (
          <Alert color="yellow" title={t.publishWarnings}>
            <List size="sm">
              {warnings.map((problem, i) => (
                <List.Item key={i}>{words(problem)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Title order={4}>{t.publishChanges}</Title>
        {latestVersion === null ? (
          <Text size="sm">{t.publishFirstVersion}</Text>
        ) : diff.data ? (
          <FlowDiffSummary diff={diff.data} stepName={stepName} version={latestVersion} />
        ) : (
          <Loader size="sm" />
        )}
        <Textarea
          label={t.publishNote}
          placeholder={t.publishNotePlaceholder}
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {off ? (
          <Stack gap={4}>
            <Text size="sm">{t.publishFlowOff}</Text>
            <Checkbox
              label={formatMessage(t.publishTurnOn, { version: (latestVersion ?? 0) + 1 })}
              checked={turnOn}
              disabled={blocked}
              onChange={(e) => setTurnOn(e.currentTarget.checked)}
            />
          </Stack>
        ) : (
          <Text size="sm">{formatMessage(t.publishFlowOn, { version: (latestVersion ?? 0) + 1 })}</Text>
        )}
        {publish.error && (
          <Alert color="red" role="alert" title={publish.error.message}>
            {refusal.map((error, i) => (
              <Text size="sm" key={i}>
                {error.message}
              </Text>
            ))}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.cancel}
          </Button>
          <Button
            disabled={blocked}
            loading={publish.isPending}
            onClick={() => publish.mutate()}
            title={blocked ? t.publishFixFirst : undefined}
          >
            {formatMessage(t.publishAs, { version: (latestVersion ?? 0) + 1 })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
