import { Alert, Button, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useClinicClock } from '../../../clock';
import { useMessages } from '../../../i18n/useMessages';
import { flowsApi, type FlowView } from '../api/flowsApi';
import { formatMessage } from '../utils/formatMessage';

/** The published versions, newest first, each with its note; restore copies one into the draft. */
export function VersionHistory({
  flowId,
  revision,
  beforeRestore,
  onClose,
  onRestored,
}: {
  flowId: string;
  revision: () => number;
  /** Saves what is waiting first, so the restore names the draft's current revision. */
  beforeRestore: () => Promise<void>;
  onClose: () => void;
  onRestored: (view: FlowView) => void;
}) {
  const t = useMessages();
  const clock = useClinicClock();
  const [confirming, setConfirming] = useState<number | null>(null);
  const versions = useQuery({
    queryKey: ['flow-versions', flowId],
    queryFn: () => flowsApi.versions(flowId),
  });
  const restore = useMutation({
    mutationFn: async (version: number) => {
      await beforeRestore();
      return flowsApi.restore(flowId, version, revision());
    },
    onSuccess: onRestored,
  });
  return (
    <Drawer
      opened
      onClose={onClose}
      title={t.historyTitle}
      position="right"
      closeButtonProps={{ 'aria-label': t.close }}
    >
      <Stack>
        {versions.isPending && <Loader size="sm" />}
        {versions.data?.length === 0 && <Text c="dimmed">{t.historyEmpty}</Text>}
        {restore.error && (
          <Alert color="red" role="alert">
            {restore.error.message}
          </Alert>
        )}
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t.historyTitle}>
          {versions.data?.map((version) => (
            <li key={version.version} data-testid={`version-${version.version}`}>
              <Text fw={600}>{formatMessage(t.versionN, { version: version.version })}</Text>
              <Text size="sm">{version.note || t.historyNoNote}</Text>
              <Text size="xs" c="dimmed">
                {clock?.dateTime(version.publishedAt) ?? ''} · {version.publishedBy}
              </Text>
              {confirming === version.version ? (
                <Group gap="xs" mt={4}>
                  <Text size="xs">{t.restoreConfirm}</Text>
                  <Button
                    size="xs"
                    loading={restore.isPending}
                    onClick={() => restore.mutate(version.version)}
                  >
                    {formatMessage(t.restoreVersion, { version: version.version })}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setConfirming(null)}>
                    {t.cancel}
                  </Button>
                </Group>
              ) : (
                <Button size="xs" variant="light" mt={4} onClick={() => setConfirming(version.version)}>
                  {t.restore}
                </Button>
              )}
            </li>
          ))}
        </Stack>
      </Stack>
    </Drawer>
  );
}
