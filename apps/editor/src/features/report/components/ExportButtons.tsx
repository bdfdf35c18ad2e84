import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api/apiClient';
import { saveFile } from '../../../api/saveFile';
import { useLanguage, useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import { reportApi } from '../api/reportApi';

type Format = 'csv' | 'xlsx';

/**
 * CSV and Excel exports of the filtered rows, each after confirming that the file holds personal
 * health-related data (Orthos asks the same); and the printable view of the same filters.
 */
export function ExportButtons({ apiQuery, search }: { apiQuery: string; search: string }) {
  const t = useMessages();
  const language = useLanguage();
  const [asked, setAsked] = useState<Format | null>(null);
  const download = useMutation({
    mutationFn: async (format: Format) => {
      const query = new URLSearchParams(apiQuery);
      query.set('format', format);
      // the file's headers and words in the interface's language (the API writes en and fr)
      query.set('lang', language === 'fr' ? 'fr' : 'en');
      query.set('confirm', 'personal-data');
      const file = await reportApi.export(query.toString());
      saveFile(file.blob, file.fileName);
      return file.fileName;
    },
  });
  // nothing to export is no failure: said quietly under the buttons, never an alert that pushes the header apart
  const nothing = download.error instanceof ApiError && download.error.status === 422;
  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} />}
          onClick={() => setAsked('csv')}
        >
          {t.exportCsv}
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} />}
          onClick={() => setAsked('xlsx')}
        >
          {t.exportXlsx}
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPrinter size={14} />}
          component={Link}
          to={`/report/print${search ? `?${search}` : ''}`}
        >
          {t.exportPrint}
        </Button>
      </Group>
      {download.isSuccess && (
        <Text size="xs" role="status">
          {formatMessage(t.exportDone, { file: download.data })}
        </Text>
      )}
      {download.error && (
        <Text
          size="xs"
          c={nothing ? 'dimmed' : 'red.8'}
          role={nothing ? 'status' : 'alert'}
          data-testid="export-refused"
          maw={420}
          ta="right"
        >
          {nothing ? t.exportNothing : formatMessage(t.exportFailed, { message: download.error.message })}
        </Text>
      )}
      <Modal opened={asked !== null} onClose={() => setAsked(null)} title={t.exportConfirmTitle}>
        <Text size="sm" mb="md">
          {t.exportConfirmText}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setAsked(null)}>
            {t.exportCancel}
          </Button>
          <Button
            loading={download.isPending}
            onClick={() => {
              const format = asked!;
              setAsked(null);
              download.mutate(format);
            }}
          >
            {t.exportConfirm}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
