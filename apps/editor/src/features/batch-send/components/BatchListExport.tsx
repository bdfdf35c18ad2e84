import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { saveFile } from '../../../api/saveFile';
import { useLanguage, useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import { batchSendApi, type BatchQuery } from '../api/batchSendApi';

/**
 * The preview's list as a CSV file before sending (F11): what each row is, why it cannot be sent, which were
 * taken out by hand. Staff confirm first that the file holds personal data, as for the report's export.
 */
export function BatchListExport({ query, removed }: { query: BatchQuery; removed: Set<string> }) {
  const t = useMessages();
  const language = useLanguage();
  const [asked, setAsked] = useState(false);
  const download = useMutation({
    mutationFn: async () => {
      const file = await batchSendApi.exportList({ query, removed: [...removed], lang: language });
      saveFile(file.blob, file.fileName);
      return file.fileName;
    },
  });
  return (
    <>
      <Group>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} />}
          onClick={() => setAsked(true)}
        >
          {t.batchExportList}
        </Button>
        {download.isSuccess && (
          <Text size="sm" role="status">
            {formatMessage(t.batchExportDone, { file: download.data })}
          </Text>
        )}
      </Group>
      {download.error && (
        <Alert color="orange" role="alert">
          {formatMessage(t.batchExportFailed, { message: download.error.message })}
        </Alert>
      )}
      <Modal opened={asked} onClose={() => setAsked(false)} title={t.batchExportTitle}>
        <Text size="sm" mb="md">
          {t.batchExportText}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setAsked(false)}>
            {t.batchExportCancel}
          </Button>
          <Button
            loading={download.isPending}
            onClick={() => {
              setAsked(false);
              download.mutate();
            }}
          >
            {t.batchExportConfirm}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
