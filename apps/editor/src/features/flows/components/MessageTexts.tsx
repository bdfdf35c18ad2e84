import {
  whatsappTemplateSchema,
  type Channel,
  type MessageTemplate,
  type RulesProblem,
  type WhatsappTemplate,
} from '@clinicflow/rules';
import { Stack, Tabs, Textarea, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { languageLabel } from '../../../i18n/languageWords';
import { useMessages } from '../../../i18n/useMessages';
import { useMessagePreview } from '../../templates/hooks/useMessagePreview';
import { MessagePreview } from '../../templates/components/MessagePreview';
import { VariablePicker } from '../../templates/components/VariablePicker';
import { WhatsappTemplateFields } from '../../templates/components/WhatsappTemplateFields';
import { formatMessage } from '../utils/formatMessage';
import { messageLanguages } from '../utils/messageFormValues';

type Language = (typeof messageLanguages)[number];
const variableCodes = new Set(['variable-unknown', 'variable-not-shown']);

/**
 * One message's fields in its form: a message step's own, or those of an attempt of "Reach the patient" (the
 * same text boxes at `rungs.N.template`).
 */
export interface MessageTextFields {
  channel: Channel;
  texts: MessageTemplate['byLanguage'];
  register: (language: Language, part: 'subject' | 'body') => UseFormRegisterReturn;
  setBody: (language: Language, text: string) => void;
  /** Sets a language's approved WhatsApp template, or removes it (`undefined`). */
  setWhatsapp: (language: Language, template: WhatsappTemplate | undefined) => void;
}

/** Both fields of the approved template emptied: the language has none (an empty Content SID is refused). */
const noneLeft = (template: WhatsappTemplate) =>
  template.contentSid === '' && template.variables.length === 0 ? undefined : template;

/** The schema's refusal of a field of an approved template (`contentSid`, `variables.0`), as the API says it. */
function whatsappRefusal(template: WhatsappTemplate | undefined) {
  const parsed = template ? whatsappTemplateSchema.safeParse(template) : undefined;
  const issues = parsed?.success === false ? parsed.error.issues : [];
  return (field: string) => issues.find((issue) => issue.path.join('.') === field)?.message;
}

/**
 * A message's texts, a tab per language, as the templates page writes them: the variable picker inserts
 * at the cursor, the validator's unknown variables are flagged under the text, the preview for the sample
 * patient shows the SMS parts and the characters that force Unicode, with their one-click fix, and on WhatsApp
 * each language has its approved template, sent outside the 24 hours after the patient's last message.
 */
export function MessageTexts({
  fields,
  initialLanguage,
  problems,
}: {
  fields: MessageTextFields;
  initialLanguage: string;
  /** The validator's problems of this message. */
  problems: readonly RulesProblem[];
}) {
  const t = useMessages();
  const { channel, texts, register, setBody, setWhatsapp } = fields;
  const [language, setLanguage] = useState(initialLanguage as Language);
  const bodies = useRef<Partial<Record<Language, HTMLTextAreaElement | null>>>({});
  const body = texts?.[language]?.body ?? '';
  const subject = texts?.[language]?.subject;
  const preview = useMessagePreview(channel, language, { body, ...(subject ? { subject } : {}) });
  const written = (code: string) => Boolean(texts?.[code]?.body?.trim());
  const insert = (placeholder: string) => {
    const area = bodies.current[language];
    const at = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? at;
    setBody(language, body.slice(0, at) + placeholder + body.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + placeholder.length, at + placeholder.length);
    });
  };
  const unknownVariables = (code: string) =>
    problems
      .filter((p) => p.code && variableCodes.has(p.code) && p.params?.language === code)
      .map((p) => formatMessage(t.messageUnknownVariable, { variable: String(p.params?.variable ?? '') }));

  return (
    <Stack gap="xs">
      <Tabs value={language} onChange={(value) => value && setLanguage(value as Language)} variant="outline">
        <Tabs.List aria-label={t.fieldTexts}>
          {messageLanguages.map((code) => (
            <Tabs.Tab
              key={code}
              value={code}
              aria-label={`${code.toUpperCase()} — ${languageLabel(t, code)}`}
              title={languageLabel(t, code)}
              fw={written(code) ? 700 : 400}
            >
              {code.toUpperCase()}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {messageLanguages.map((code) => {
          const languageName = languageLabel(t, code);
          const { ref, ...field } = register(code, 'body');
          const unknown = unknownVariables(code);
          return (
            <Tabs.Panel key={code} value={code} pt="xs">
              <Stack gap="xs">
                {channel === 'email' && (
                  <TextInput
                    label={formatMessage(t.fieldSubject, { language: languageName })}
                    {...register(code, 'subject')}
                  />
                )}
                <Textarea
                  label={formatMessage(t.fieldBody, { language: languageName })}
                  autosize
                  minRows={2}
                  error={unknown.length > 0 ? unknown.join(' · ') : undefined}
                  ref={(element) => {
                    ref(element);
                    bodies.current[code] = element;
                  }}
                  {...field}
                />
                {channel === 'whatsapp' && (
                  <WhatsappTemplateFields
                    value={texts?.[code]?.whatsapp}
                    onChange={(template) => setWhatsapp(code, noneLeft(template))}
                    errorAt={whatsappRefusal(texts?.[code]?.whatsapp)}
                  />
                )}
              </Stack>
            </Tabs.Panel>
          );
        })}
      </Tabs>
      <VariablePicker onPick={insert} />
      {body.trim() && (
        <MessagePreview
          channel={channel}
          language={language}
          body={body}
          preview={preview.data}
          onReplaceBody={(text) => setBody(language, text)}
        />
      )}
    </Stack>
  );
}
