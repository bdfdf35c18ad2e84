import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { saveFile } from '../../../api/saveFile';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import { reportApi } from '../api/reportApi';

type Format = 'csv' | 'xlsx';

/**
 * CSV and Excel exports of the filtered rows, each after confirming that the file holds personal
 * health-related data (Orthos asks the same); and the printable view of the same filters.
 */
export function ExportButtons({ apiQuery, search }: { apiQuery: string; search: string }) {
  const t = useMessages();
  const [asked, setAsked] = useState<Format | null>(null);
  const download = useMutation({
    mutationFn: async (format: Format) => {
      const query = new URLSearchParams(apiQuery);
      query.set('format', format);
      query.set('lang', navigatorLanguage());
      query.set('confirm', 'personal-data');
      const file = await reportApi.export(query.toString());
      saveFile(file.blob, file.fileName);
      return file.fileName;
    },
  });
  return (
    <>
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
        <Text size="sm" role="status">
          {formatMessage(t.exportDone, { file: download.data })}
        </Text>
      )}
      {download.error && (
        <Alert color="orange" role="alert" data-testid="export-refused">
          {formatMessage(t.exportFailed, { message: download.error.message })}
        </Alert>
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
    </>
  );
}

/** The file's language: the browser's when the API has it. */
function navigatorLanguage(): 'en' | 'fr' {
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
