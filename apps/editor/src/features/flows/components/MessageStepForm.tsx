import {
  askNodeSchema,
  sendDataSchema,
  type FlowNodeOf,
  type ReplyKeywords as Keywords,
  type RulesProblem,
  type SendData,
} from '@clinicflow/rules';
import { Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { channelOptions } from '../../../i18n/channelWords';
import { useMessages } from '../../../i18n/useMessages';
import { useStepForm } from '../hooks/useStepForm';
import { messageData, messageFormValues, messageLanguages } from '../utils/messageFormValues';
import { optionsOf } from '../utils/optionsOf';
import { stepWords } from '../utils/stepWords';
import { summarizeStep } from '../utils/summarizeStep';
import { ExpiryField } from './ExpiryField';
import { MessageTexts } from './MessageTexts';
import { NumberField } from './NumberField';
import { ReplyKeywords } from './ReplyKeywords';
import { SaveAsTemplate } from './SaveAsTemplate';
import { SavedTemplateSelect } from './SavedTemplateSelect';
import { blank } from '../utils/blank';

const askDataSchema = askNodeSchema.shape.data;
const convert = { toForm: (data: unknown) => messageFormValues(data as SendData), toData: messageData };

/**
 * A message's settings (send, or ask with its reply time-out): channel, recipient, a text per language (a tab
 * each, every language templates allow, written as on the templates page), expiry, sender; for a question,
 * the replies it understands.
 */
export function MessageStepForm({
  step,
  onChange,
  problems = [],
}: {
  step: FlowNodeOf<'send'> | FlowNodeOf<'ask'>;
  onChange: (data: SendData) => void;
  /** The validator's problems of this step (unknown variables are flagged under their text). */
  problems?: readonly RulesProblem[];
}) {
  const t = useMessages();
  const schema = step.type === 'ask' ? askDataSchema : sendDataSchema;
  const form = useStepForm(schema as typeof sendDataSchema, step.data, onChange, convert);
  const { register, control, watch, formState, setValue } = form;
  const channel = watch('channel');
  const recipient = watch('recipient.type');
  const texts = watch('template.byLanguage');
  const keywords = watch('keywords' as never) as Keywords | undefined;
  const errors = formState.errors;
  const change = { shouldDirty: true, shouldValidate: true } as const;
  const writtenIn = messageLanguages.filter((code) => texts?.[code]?.body?.trim());
  return (
    <Stack gap="sm">
      <TextInput label={t.fieldLabel} {...register('label', { setValueAs: blank })} />
      <Group grow>
        <NativeSelect label={t.fieldChannel} data={channelOptions(t)} {...register('channel')} />
        <NativeSelect
          label={t.fieldPurpose}
          data={[{ value: '', label: '—' }, ...optionsOf(t, stepWords.purpose)]}
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
      <MessageTexts
        fields={{
          channel,
          texts,
          register: (code, part) => register(`template.byLanguage.${code}.${part}`),
          setBody: (code, text) => setValue(`template.byLanguage.${code}.body`, text, change),
          setWhatsapp: (code, template) => setValue(`template.byLanguage.${code}.whatsapp`, template, change),
        }}
        // open on the first language already written (French for a new step)
        initialLanguage={messageLanguages.find((code) => step.data.template.byLanguage?.[code]?.body) ?? 'fr'}
        problems={problems}
      />
      <Group>
        <SaveAsTemplate data={watch() as SendData} defaultName={summarizeStep(step, t)} />
      </Group>
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
        <ReplyKeywords
          keywords={keywords}
          languages={writtenIn}
          channel={channel}
          onChange={(next) =>
            setValue('keywords' as never, next as never, { shouldDirty: true, shouldValidate: true })
          }
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
