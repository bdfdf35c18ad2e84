import { askNodeSchema, sendDataSchema, type FlowNodeOf, type SendData } from '@clinicflow/rules';
import { Group, NativeSelect, Stack, Tabs, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import type { Messages } from '../../../i18n/messages';
import { languageLabel } from '../../../i18n/languageWords';
import { useMessages } from '../../../i18n/useMessages';
import { useStepForm } from '../hooks/useStepForm';
import { formatMessage } from '../utils/formatMessage';
import { messageData, messageFormValues, messageLanguages } from '../utils/messageFormValues';
import { optionsOf } from '../utils/optionsOf';
import { stepWords } from '../utils/stepWords';
import { ExpiryField } from './ExpiryField';
import { NumberField } from './NumberField';
import { SavedTemplateSelect } from './SavedTemplateSelect';

const blank = (value: string) => (value === '' ? undefined : value);
const askDataSchema = askNodeSchema.shape.data;
const purposeWords: Record<string, keyof Messages> = {
  reminder: 'purposeReminder',
  confirmation: 'purposeConfirmation',
  notice: 'purposeNotice',
  'thank-you': 'purposeThankYou',
  recall: 'purposeRecall',
  alert: 'purposeAlert',
  staff: 'purposeStaff',
};
const convert = { toForm: (data: unknown) => messageFormValues(data as SendData), toData: messageData };

/**
 * A message's settings (send, or ask with its reply time-out): channel, recipient, a text per language (a tab
 * each, every language templates allow), expiry, sender.
 */
export function MessageStepForm({
  step,
  onChange,
}: {
  step: FlowNodeOf<'send'> | FlowNodeOf<'ask'>;
  onChange: (data: SendData) => void;
}) {
  const t = useMessages();
  const schema = step.type === 'ask' ? askDataSchema : sendDataSchema;
  const { register, control, watch, formState } = useStepForm(
    schema as typeof sendDataSchema,
    step.data,
    onChange,
    convert,
  );
  const channel = watch('channel');
  const recipient = watch('recipient.type');
  const texts = watch('template.byLanguage');
  const written = (language: string) => Boolean(texts?.[language]?.body?.trim());
  // open on the first language already written (French for a new step)
  const [language, setLanguage] = useState<string>(
    () => messageLanguages.find((code) => step.data.template.byLanguage?.[code]?.body) ?? 'fr',
  );
  const errors = formState.errors;
  return (
    <Stack gap="sm">
      <TextInput label={t.fieldLabel} {...register('label', { setValueAs: blank })} />
      <Group grow>
        <NativeSelect
          label={t.fieldChannel}
          data={optionsOf(t, stepWords.channel)}
          {...register('channel')}
        />
        <NativeSelect
          label={t.fieldPurpose}
          data={[{ value: '', label: '—' }, ...optionsOf(t, purposeWords)]}
          {...register('purpose', { setValueAs: blank })}
        />
      </Group>
      <NativeSelect
        label={t.fieldRecipient}
        data={optionsOf(t, stepWords.recipient)}
        {...register('recipient.type')}
      />
      {recipient === 'custom' && (
        <TextInput
          label={t.fieldAddress}
          error={errors.recipient?.address?.message}
          {...register('recipient.address', { setValueAs: blank })}
        />
      )}
      <SavedTemplateSelect
        channel={channel}
        current={watch('template.templateId')}
        {...register('template.templateId', { setValueAs: blank })}
      />
      <Tabs value={language} onChange={(value) => value && setLanguage(value)} variant="outline">
        <Tabs.List aria-label={t.fieldTexts}>
          {messageLanguages.map((code) => (
            <Tabs.Tab
              key={code}
              value={code}
              aria-label={`${languageLabel(t, code)} (${code.toUpperCase()})`}
              title={languageLabel(t, code)}
              fw={written(code) ? 700 : 400}
            >
              {code.toUpperCase()}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {messageLanguages.map((code) => {
          const languageName = languageLabel(t, code);
          return (
            <Tabs.Panel key={code} value={code} pt="xs">
              <Stack gap="xs">
                {channel === 'email' && (
                  <TextInput
                    label={formatMessage(t.fieldSubject, { language: languageName })}
                    {...register(`template.byLanguage.${code}.subject`)}
                  />
                )}
                <Textarea
                  label={formatMessage(t.fieldBody, { language: languageName })}
                  autosize
                  minRows={2}
                  {...register(`template.byLanguage.${code}.body`)}
                />
              </Stack>
            </Tabs.Panel>
          );
        })}
      </Tabs>
      <Controller
        control={control}
        name="expiresAfter"
        render={({ field, fieldState }) => (
          <ExpiryField value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
      {channel === 'sms' && (
        <TextInput
          label={t.fieldSmsName}
          error={errors.sender?.smsName?.message}
          {...register('sender.smsName', { setValueAs: blank })}
        />
      )}
      {step.type === 'ask' && (
        <Group grow align="flex-start">
          <NumberField control={control} name={'timeout.amount' as never} label={t.fieldTimeout} />
          <NativeSelect
            label={t.fieldUnit}
            data={optionsOf(t, stepWords.unitName)}
            {...register('timeout.unit' as never)}
          />
        </Group>
      )}
    </Stack>
  );
}
