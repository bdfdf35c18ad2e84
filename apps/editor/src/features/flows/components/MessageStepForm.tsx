import { askNodeSchema, sendDataSchema, type FlowNodeOf, type SendData } from '@clinicflow/rules';
import { Fieldset, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import type { Messages } from '../../../i18n/messages';
import { useMessages } from '../../../i18n/useMessages';
import { useStepForm } from '../hooks/useStepForm';
import { formatMessage } from '../utils/formatMessage';
import { messageData, messageFormValues, messageLanguages } from '../utils/messageFormValues';
import { optionsOf } from '../utils/optionsOf';
import { stepWords } from '../utils/stepWords';
import { NumberField } from './NumberField';
import { SavedTemplateSelect } from './SavedTemplateSelect';

const blank = (value: string) => (value === '' ? undefined : value);
const askDataSchema = askNodeSchema.shape.data;
const languageWords: Record<string, keyof Messages> = { fr: 'languageFr', en: 'languageEn' };
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

/** A message's settings (send, or ask with its reply time-out): channel, recipient, texts, sender. */
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
      {messageLanguages.map((language) => {
        const languageName = t[languageWords[language]];
        return (
          <Fieldset key={language} legend={languageName} p="xs">
            <Stack gap="xs">
              {channel === 'email' && (
                <TextInput
                  label={formatMessage(t.fieldSubject, { language: languageName })}
                  {...register(`template.byLanguage.${language}.subject`)}
                />
              )}
              <Textarea
                label={formatMessage(t.fieldBody, { language: languageName })}
                autosize
                minRows={2}
                {...register(`template.byLanguage.${language}.body`)}
              />
            </Stack>
          </Fieldset>
        );
      })}
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
