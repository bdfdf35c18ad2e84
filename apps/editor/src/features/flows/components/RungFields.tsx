import {
  reportsRead,
  type ReachData,
  type RulesProblem,
  type RungGoal,
  type TimeUnit,
} from '@clinicflow/rules';
import { ActionIcon, Fieldset, Group, NativeSelect, Stack } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { UseFormReturn } from 'react-hook-form';
import { channelOptions } from '../../../i18n/channelWords';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../utils/formatMessage';
import { messageLanguages } from '../utils/messageFormValues';
import { stepWords } from '../utils/stepWords';
import { MessageTexts } from './MessageTexts';
import { NumberField } from './NumberField';
import { SavedTemplateSelect } from './SavedTemplateSelect';
import { blank } from '../utils/blank';

const goals: readonly RungGoal[] = ['delivered', 'read'];
// an attempt waits minutes to days; a longer unit a flow was saved with stays offered
const waitUnits: readonly TimeUnit[] = ['minutes', 'hours', 'days'];

/**
 * One attempt of "Reach the patient": its channel (each channel once in the ladder: the others' are offered
 * greyed out, naming the attempt that has them), what counts as reaching the patient (read only on WhatsApp,
 * the one channel that tells), how long to wait for it, and its message, written as a message step's.
 */
export function RungFields({
  form,
  index,
  count,
  problems,
  onMove,
  onRemove,
}: {
  form: UseFormReturn<ReachData>;
  index: number;
  /** How many attempts the ladder has: the last one cannot be removed, nor moved down. */
  count: number;
  /** The validator's problems of this attempt. */
  problems: readonly RulesProblem[];
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const t = useMessages();
  const { register, control, watch, getValues, setValue, formState } = form;
  const n = index + 1;
  const rungs = watch('rungs');
  const channel = watch(`rungs.${index}.channel`);
  const until = watch(`rungs.${index}.until`);
  const unit = watch(`rungs.${index}.within.unit`);
  const texts = watch(`rungs.${index}.template.byLanguage`);
  const errors = formState.errors.rungs?.[index];
  const channels = channelOptions(t).map((option) => {
    const other = rungs.findIndex((rung, i) => i !== index && rung.channel === option.value);
    return other < 0
      ? option
      : {
          ...option,
          label: formatMessage(t.reachChannelTaken, { channel: option.label, n: other + 1 }),
          disabled: true,
        };
  });
  // "read" on another channel (a flow saved elsewhere) stays shown, with the error that says why it is refused
  const goalChoices = goals
    .filter((goal) => goal === 'delivered' || reportsRead(channel) || until === 'read')
    .map((goal) => ({ value: goal, label: t[stepWords.goal[goal]] }));
  const units = (waitUnits.includes(unit) ? waitUnits : [...waitUnits, unit]).map((value) => ({
    value,
    label: t[stepWords.unitName[value]],
  }));
  const change = { shouldDirty: true, shouldValidate: true } as const;
  return (
    <Fieldset legend={formatMessage(t.reachAttempt, { n })} data-testid={`attempt-${n}`}>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <NativeSelect
            label={t.fieldChannel}
            data={channels}
            error={errors?.channel ? t.reachChannelTwice : undefined}
            {...register(`rungs.${index}.channel`, {
              // leaving WhatsApp, an attempt that waited to be read waits to be delivered
              onChange: (event: { target: { value: string } }) => {
                if (event.target.value !== 'whatsapp' && getValues(`rungs.${index}.until`) === 'read')
                  setValue(`rungs.${index}.until`, 'delivered', change);
              },
            })}
          />
          <NativeSelect
            label={t.reachGoal}
            data={goalChoices}
            error={errors?.until ? t.reachReadOnWhatsapp : undefined}
            {...register(`rungs.${index}.until`)}
          />
        </Group>
        <Group grow align="flex-start">
          <NumberField control={control} name={`rungs.${index}.within.amount`} label={t.reachWithin} />
          <NativeSelect label={t.reachWithinUnit} data={units} {...register(`rungs.${index}.within.unit`)} />
        </Group>
        <SavedTemplateSelect
          channel={channel}
          current={watch(`rungs.${index}.template.templateId`)}
          {...register(`rungs.${index}.template.templateId`, { setValueAs: blank })}
        />
        <MessageTexts
          fields={{
            channel,
            texts,
            register: (code, part) => register(`rungs.${index}.template.byLanguage.${code}.${part}`),
            setBody: (code, text) =>
              setValue(`rungs.${index}.template.byLanguage.${code}.body`, text, change),
            setWhatsapp: (code, template) =>
              setValue(`rungs.${index}.template.byLanguage.${code}.whatsapp`, template, change),
          }}
          // open on the first language already written (French for a new attempt), as a message step does
          initialLanguage={messageLanguages.find((code) => texts?.[code]?.body) ?? 'fr'}
          problems={problems}
        />
        <Group gap="xs" justify="flex-end">
          <ActionIcon
            variant="subtle"
            aria-label={formatMessage(t.reachMoveUp, { n })}
            title={formatMessage(t.reachMoveUp, { n })}
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
          >
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            aria-label={formatMessage(t.reachMoveDown, { n })}
            title={formatMessage(t.reachMoveDown, { n })}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
          >
            <IconArrowDown size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={formatMessage(t.reachRemoveAttempt, { n })}
            title={formatMessage(t.reachRemoveAttempt, { n })}
            disabled={count === 1}
            onClick={onRemove}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      </Stack>
    </Fieldset>
  );
}
