import type { Channel, MessageTemplate, RulesProblem } from '@clinicflow/rules';
import { Stack, Tabs, Textarea, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { languageLabel } from '../../../i18n/languageWords';
import { useMessages } from '../../../i18n/useMessages';
import { useMessagePreview } from '../../templates/hooks/useMessagePreview';
import { MessagePreview } from '../../templates/components/MessagePreview';
import { VariablePicker } from '../../templates/components/VariablePicker';
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
}

/**
 * A message's texts, a tab per language, as the templates page writes them: the variable picker inserts
 * at the cursor, the validator's unknown variables are flagged under the text, and the preview for the sample
 * patient shows the SMS parts and the characters that force Unicode, with their one-click fix.
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
  const { channel, texts, register, setBody } = fields;
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
