import { checkSenderId, LANGUAGES } from '@clinicflow/channels/browser';
import {
  Alert,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError } from '../../../api/apiClient';
import { channelOptions } from '../../../i18n/channelWords';
import { useMessages } from '../../../i18n/useMessages';
import {
  templatesApi,
  type Template,
  type TemplateChannel,
  type TemplateInput,
  type TemplateVariant,
} from '../api/templatesApi';
import { useMessagePreview } from '../hooks/useMessagePreview';
import { whatsappToSave } from '../utils/whatsappToSave';
import { MessagePreview } from './MessagePreview';
import { VariablePicker } from './VariablePicker';
import { WhatsappTemplateFields } from './WhatsappTemplateFields';

/** A new template: an SMS with an empty French text. */
export const newTemplate = (name: string): TemplateInput => ({
  name,
  channel: 'sms',
  purpose: 'reminders',
  variants: { fr: { body: '' } },
});

/**
 * The template without languages left empty, without an empty sender override, and without a WhatsApp template
 * whose Content SID is empty or whose template is no longer a WhatsApp one (the API refuses it on other channels).
 */
function cleaned(template: TemplateInput): TemplateInput {
  const variants = Object.fromEntries(
    Object.entries(template.variants).flatMap(([language, variant]) =>
      variant?.body.trim() ? [[language, savedVariant(template.channel, variant)]] : [],
    ),
  );
  const sender = Object.fromEntries(Object.entries(template.sender ?? {}).filter(([, value]) => value));
  return { ...template, variants, sender: Object.keys(sender).length > 0 ? sender : undefined };
}

/** A language's text as saved: its WhatsApp template as `whatsappToSave` keeps it. */
function savedVariant(channel: TemplateChannel, variant: TemplateVariant): TemplateVariant {
  const { whatsapp, ...rest } = variant;
  const saved = whatsappToSave(channel, whatsapp);
  return saved ? { ...rest, whatsapp: saved } : rest;
}

/**
 * A template's editor: channel, a tab per language, the variable picker, the live preview for the sample
 * patient with the SMS counter (C4), the SMS sender override with its rule (C2), and for WhatsApp the approved
 * template of each language.
 */
export function TemplateEditor({
  initial,
  onSaved,
  saved = false,
}: {
  initial: Template | TemplateInput;
  onSaved: (template: Template) => void;
  /** The page just saved this template (the editor is opened again on the saved version). */
  saved?: boolean;
}) {
  const t = useMessages();
  const [template, setTemplate] = useState<TemplateInput>(initial);
  const [language, setLanguage] = useState<string>(Object.keys(initial.variants)[0] ?? 'fr');
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const variant = template.variants[language] ?? { body: '' };
  const preview = useMessagePreview(template.channel, language, variant);
  const id = 'id' in initial ? initial.id : null;
  const save = useMutation({
    mutationFn: () =>
      id ? templatesApi.replace(id, cleaned(template)) : templatesApi.create(cleaned(template)),
    onSuccess: onSaved,
  });
  const setVariant = (patch: Partial<typeof variant>) =>
    setTemplate((current) => ({
      ...current,
      variants: { ...current.variants, [language]: { ...variant, ...patch } },
    }));
  const insert = (placeholder: string) => {
    const area = bodyRef.current;
    const at = area?.selectionStart ?? variant.body.length;
    const end = area?.selectionEnd ?? at;
    setVariant({ body: variant.body.slice(0, at) + placeholder + variant.body.slice(end) });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + placeholder.length, at + placeholder.length);
    });
  };
  const senderName = template.sender?.smsSenderName ?? '';
  const senderCheck = senderName ? checkSenderId(senderName) : null;
  const answer = preview.data;
  const refusal = save.error instanceof ApiError ? save.error.errors : [];
  /** The API's refusal of a field of the template (`variants.fr.whatsapp.contentSid`): its paths start with `body.`. */
  const errorAt = (path: string) => refusal.find((error) => error.path === `body.${path}`)?.message;

  return (
    <Stack>
      <Group align="flex-end">
        <TextInput
          label={t.templateName}
          value={template.name}
          onChange={(e) => setTemplate({ ...template, name: e.currentTarget.value })}
          w={320}
        />
        <SegmentedControl
          aria-label={t.templateChannel}
          value={template.channel}
          onChange={(channel) => setTemplate({ ...template, channel: channel as TemplateChannel })}
          data={channelOptions(t)}
        />
      </Group>
      <Tabs value={language} onChange={(value) => value && setLanguage(value)}>
        <Tabs.List aria-label={t.templateLanguages}>
          {LANGUAGES.map((code) => (
            <Tabs.Tab key={code} value={code} fw={template.variants[code]?.body ? 700 : 400}>
              {code.toUpperCase()}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {template.channel === 'email' && (
        <TextInput
          label={t.templateSubject}
          value={variant.subject ?? ''}
          onChange={(e) => setVariant({ subject: e.currentTarget.value })}
        />
      )}
      <VariablePicker onPick={insert} />
      <Textarea
        ref={bodyRef}
        label={template.channel === 'voice' ? t.templateScript : t.templateBody}
        description={template.channel === 'email' ? t.templatePlainHint : undefined}
        autosize
        minRows={4}
        value={variant.body}
        onChange={(e) => setVariant({ body: e.currentTarget.value })}
      />
      {template.channel === 'email' && (
        <Textarea
          label={t.templateHtml}
          autosize
          minRows={3}
          value={variant.html ?? ''}
          onChange={(e) => setVariant({ html: e.currentTarget.value })}
        />
      )}
      <MessagePreview
        channel={template.channel}
        language={language}
        body={variant.body}
        preview={answer}
        onReplaceBody={(body) => setVariant({ body })}
      />
      {template.channel === 'whatsapp' && (
        <WhatsappTemplateFields
          value={variant.whatsapp}
          onChange={(whatsapp) => setVariant({ whatsapp })}
          errorAt={(field) => errorAt(`variants.${language}.whatsapp.${field}`)}
        />
      )}
      {template.channel === 'sms' && (
        <TextInput
          label={t.templateSender}
          description={t.templateSenderRule}
          value={senderName}
          error={senderCheck && !senderCheck.valid ? t.templateSenderInvalid : undefined}
          onChange={(e) =>
            setTemplate({ ...template, sender: { ...template.sender, smsSenderName: e.currentTarget.value } })
          }
          w={320}
        />
      )}
      {save.error && (
        <Alert color="red" role="alert" title={save.error.message}>
          {refusal.map((error, i) => (
            <Text size="sm" key={i}>
              {error.path}: {error.message}
            </Text>
          ))}
        </Alert>
      )}
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t.templateSave}
        </Button>
        {saved && !save.isPending && !save.error && <Text c="green">{t.templateSaved}</Text>}
      </Group>
    </Stack>
  );
}
