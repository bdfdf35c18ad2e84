import type { MessagePurpose, SendData } from '@clinicflow/rules';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import { templatesApi, type TemplateInput } from '../../templates/api/templatesApi';
import { formatMessage } from '../utils/formatMessage';
import { textToSave } from '../utils/messageFormValues';

/** A step's purpose as the templates file it (their purposes are the consent purposes and a few more). */
const templatePurpose: Record<MessagePurpose, TemplateInput['purpose']> = {
  reminder: 'reminders',
  confirmation: 'reminders',
  notice: 'notices',
  'thank-you': 'surveys',
  recall: 'recall',
  alert: 'alerts',
  staff: 'alerts',
};

/**
 * The template a message step's texts make: its languages written (with a WhatsApp step's approved templates), its
 * channel, purpose and SMS sender.
 */
export function templateOfStep(name: string, data: SendData): TemplateInput {
  const variants = Object.fromEntries(
    Object.entries(data.template.byLanguage ?? {})
      .filter(([, text]) => text.body.trim())
      .map(([language, text]) => [language, textToSave(data.channel, text)]),
  );
  return {
    name,
    channel: data.channel,
    purpose: data.purpose ? templatePurpose[data.purpose] : 'other',
    variants,
    ...(data.sender?.smsName ? { sender: { smsSenderName: data.sender.smsName } } : {}),
  };
}

/**
 * "Save as a reusable template": the step's texts become a template of the clinic (the templates page lists
 * it, other steps can pick it); the step keeps its own texts.
 */
export function SaveAsTemplate({ data, defaultName }: { data: SendData; defaultName: string }) {
  const t = useMessages();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState(defaultName);
  const save = useMutation({
    mutationFn: () => templatesApi.create(templateOfStep(name.trim(), data)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['templates'] }),
  });
  const written = Object.values(data.template.byLanguage ?? {}).some((text) => text.body.trim());
  const close = () => {
    setOpened(false);
    save.reset();
  };
  return (
    <>
      <Button variant="light" size="xs" disabled={!written} onClick={() => setOpened(true)}>
        {t.saveAsTemplate}
      </Button>
      <Modal opened={opened} onClose={close} title={t.saveAsTemplateTitle}>
        <Stack>
          {save.isSuccess ? (
            <Alert color="green" role="status">
              {formatMessage(t.saveAsTemplateSaved, { name: save.data.name })}
            </Alert>
          ) : (
            <>
              <TextInput
                label={t.saveAsTemplateName}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                data-autofocus
              />
              <Text size="sm" c="dimmed">
                {t.saveAsTemplateHint}
              </Text>
            </>
          )}
          {save.error && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t.close}
            </Button>
            {!save.isSuccess && (
              <Button loading={save.isPending} disabled={!name.trim()} onClick={() => save.mutate()}>
                {t.saveAsTemplateSave}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
