import { DAILY_TRIGGER_EVENT, triggerDataSchema, type FlowNodeOf, type TriggerData } from '@clinicflow/rules';
import { Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useMessages } from '../../../i18n/useMessages';
import { useStepForm } from '../hooks/useStepForm';
import { optionsOf } from '../utils/optionsOf';
import { stepWords } from '../utils/stepWords';
import { blank } from '../utils/blank';

/** The trigger's settings: which events start the flow (or every day at a time, F10), and for which bookings. */
export function TriggerStepForm({
  step,
  onChange,
}: {
  step: FlowNodeOf<'trigger'>;
  onChange: (data: TriggerData) => void;
}) {
  const t = useMessages();
  const { register, control, formState, watch } = useStepForm(triggerDataSchema, step.data, onChange);
  const daily = (watch('events') ?? []).includes(DAILY_TRIGGER_EVENT);
  return (
    <Stack gap="sm">
      <TextInput label={t.fieldLabel} {...register('label', { setValueAs: blank })} />
      <Controller
        control={control}
        name="events"
        render={({ field, fieldState }) => (
          <Checkbox.Group
            label={t.fieldEvents}
            value={field.value ?? []}
            onChange={field.onChange}
            error={fieldState.error?.message}
          >
            <Stack gap={6} mt={4}>
              {optionsOf(t, stepWords.event).map((option) => (
                <Checkbox key={option.value} value={option.value} label={option.label} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
      />
      {daily && (
        <TextInput
          label={t.fieldDailyAt}
          description={t.fieldDailyAtHint}
          placeholder="18:00"
          error={formState.errors.dailyAt?.message}
          {...register('dailyAt', { setValueAs: blank })}
        />
      )}
      {!daily && (
        <Controller
          control={control}
          name="filters.sources"
          render={({ field }) => (
            <Checkbox.Group
              label={t.fieldSources}
              value={field.value ?? []}
              onChange={(value) => field.onChange(value.length > 0 ? value : undefined)}
            >
              <Group gap="md" mt={4}>
                <Checkbox value="online" label={t.sourceOnline} />
                <Checkbox value="staff" label={t.sourceStaff} />
              </Group>
            </Checkbox.Group>
          )}
        />
      )}
    </Stack>
  );
}
