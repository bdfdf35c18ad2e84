import { waitDataSchema, type FlowNodeOf, type WaitData } from '@clinicflow/rules';
import { Checkbox, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useMessages } from '../../../i18n/useMessages';
import { useStepForm } from '../hooks/useStepForm';
import { optionsOf } from '../utils/optionsOf';
import { stepWords } from '../utils/stepWords';
import { NumberField } from './NumberField';
import { blank } from '../utils/blank';

/**
 * A wait's settings: how long, before or after what, at what time of day; for a recall (F7), the interval of
 * the appointment or its service instead of the amount, when they have one.
 */
export function WaitStepForm({
  step,
  onChange,
}: {
  step: FlowNodeOf<'wait'>;
  onChange: (data: WaitData) => void;
}) {
  const t = useMessages();
  const { register, control, formState } = useStepForm(waitDataSchema, step.data, onChange);
  const errors = formState.errors;
  return (
    <Stack gap="sm">
      <TextInput label={t.fieldLabel} {...register('label', { setValueAs: blank })} />
      <Group grow align="flex-start">
        <NumberField control={control} name="amount" label={t.fieldAmount} />
        <NativeSelect label={t.fieldUnit} data={optionsOf(t, stepWords.unitName)} {...register('unit')} />
      </Group>
      <Controller
        control={control}
        name="useServiceRecallInterval"
        render={({ field }) => (
          <Checkbox
            label={t.fieldUseRecallInterval}
            description={t.fieldUseRecallIntervalHint}
            checked={field.value === true}
            // unticked leaves the field out rather than storing false
            onChange={(e) => field.onChange(e.currentTarget.checked || undefined)}
          />
        )}
      />
      <NativeSelect
        label={t.fieldDirection}
        data={[
          { value: 'before', label: t.directionBefore },
          { value: 'after', label: t.directionAfter },
        ]}
        {...register('direction')}
      />
      <NativeSelect
        label={t.fieldRelativeTo}
        data={optionsOf(t, stepWords.anchor)}
        {...register('relativeTo')}
      />
      <TextInput
        label={t.fieldAtLocalTime}
        placeholder="18:00"
        error={errors.atLocalTime?.message}
        {...register('atLocalTime', { setValueAs: blank })}
      />
      <NativeSelect
        label={t.fieldIfPassed}
        data={[
          { value: '', label: t.ifPassedDefault },
          { value: 'skip', label: t.ifPassedSkip },
          { value: 'continue', label: t.ifPassedContinue },
        ]}
        {...register('ifPassed', { setValueAs: blank })}
      />
      <NativeSelect
        label={t.fieldQuietHours}
        data={[
          { value: '', label: t.quietDefault },
          { value: 'shift-later', label: t.quietShiftLater },
          { value: 'shift-earlier', label: t.quietShiftEarlier },
          { value: 'skip', label: t.quietSkip },
          { value: 'ignore', label: t.quietIgnore },
        ]}
        {...register('quietHours', { setValueAs: blank })}
      />
    </Stack>
  );
}
