import { SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ApiFieldError } from '../../../api/apiClient';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import { templatesApi, type TemplateChannel } from '../../templates/api/templatesApi';
import { SmsCounter } from '../../templates/components/SmsCounter';
import { useMessagePreview } from '../../templates/hooks/useMessagePreview';

/** The batch's message: written here, or one of the clinic's saved templates of the channel. */
export interface BatchMessageValue {
  mode: 'write' | 'template';
  body: string;
  subject: string;
  templateId: string | null;
}

interface BatchMessageProps {
  channel: TemplateChannel;
  value: BatchMessageValue;
  onChange: (patch: Partial<BatchMessageValue>) => void;
  problems: ApiFieldError[];
  /** How many messages the batch will send, for its cost. */
  recipients: number;
}

/** Writes or picks the message, with the SMS counter of the very code that sends. */
export function BatchMessage({ channel, value, onChange, problems, recipients }: BatchMessageProps) {
  const t = useMessages();
  const templates = useQuery({ queryKey: ['templates'], queryFn: templatesApi.list });
  const ofChannel = (templates.data?.items ?? []).filter((tpl) => tpl.channel === channel);
  const picked = ofChannel.find((tpl) => tpl.id === value.templateId);
  const pickedVariant = picked ? (picked.variants.fr ?? Object.values(picked.variants)[0]) : undefined;
  const body = value.mode === 'write' ? value.body : (pickedVariant?.body ?? '');
  const preview = useMessagePreview(channel, 'fr', { body, subject: value.subject || undefined });
  // each recipient's text differs a little (names, dates): the sample's credits are an estimate
  const credits = channel === 'sms' && body.trim() ? preview.data?.credits : undefined;
  const problemOf = (field: string) =>
    problems.find((p) => p.path?.startsWith(`body.template.${field}`))?.message;
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t.batchMessage}
        value={value.mode}
        onChange={(mode) => onChange({ mode: mode as BatchMessageValue['mode'] })}
        data={[
          { value: 'write', label: t.batchWrite },
          { value: 'template', label: t.batchUseTemplate },
        ]}
      />
      {value.mode === 'template' ? (
        <Select
          label={t.batchTemplate}
          data={ofChannel.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
          value={value.templateId}
          error={problemOf('templateId')}
          onChange={(templateId) => onChange({ templateId })}
          searchable
        />
      ) : (
        <>
          {channel === 'email' && (
            <TextInput
              label={t.templateSubject}
              value={value.subject}
              error={problemOf('subject')}
              onChange={(e) => onChange({ subject: e.currentTarget.value })}
            />
          )}
          <Textarea
            label={channel === 'voice' ? t.templateScript : t.templateBody}
            autosize
            minRows={3}
            value={value.body}
            error={problemOf('body')}
            onChange={(e) => onChange({ body: e.currentTarget.value })}
          />
        </>
      )}
      {value.mode === 'template' && pickedVariant && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {preview.data?.text ?? pickedVariant.body}
        </Text>
      )}
      {channel === 'sms' && body.trim() !== '' && <SmsCounter preview={preview.data} />}
      {credits !== undefined && (
        <Text fw={600} data-testid="batch-cost">
          {formatMessage(t.batchCost, { credits: credits * recipients, count: recipients })}
        </Text>
      )}
      {preview.data?.errors.map((error, i) => (
        <Text key={i} c="red" size="sm">
          {error.message}
        </Text>
      ))}
    </Stack>
  );
}
