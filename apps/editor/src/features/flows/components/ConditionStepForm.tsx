import { conditionNodeSchema, type ConditionCheck, type FlowNodeOf } from '@clinicflow/rules';
import { Checkbox, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, type Control } from 'react-hook-form';
import { channelOptions } from '../../../i18n/channelWords';
import type { Messages } from '../../../i18n/messages';
import { useMessages } from '../../../i18n/useMessages';
import { useStepForm } from '../hooks/useStepForm';
import { defaultConditionCheck } from '../utils/defaultConditionCheck';
import { optionsOf } from '../utils/optionsOf';
import { stepWords } from '../utils/stepWords';
import { DirectoryPicker } from './DirectoryPicker';
import { NumberField } from './NumberField';
import { blank } from '../utils/blank';

const conditionDataSchema = conditionNodeSchema.shape.data;
type ConditionData = FlowNodeOf<'condition'>['data'];
// The fields of every kind of check, so the form can bind any of them.
type LooseControl = Control<{ label?: string; check: Record<string, unknown> }>;

const kindWords: Record<ConditionCheck['kind'], keyof Messages> = {
  'has-consent': 'kindHasConsent',
  'channel-enabled': 'kindChannelEnabled',
  'patient-unreliable': 'kindPatientUnreliable',
  'booked-online': 'kindBookedOnline',
  'appointment-status': 'kindAppointmentStatus',
  'appointment-confirmed': 'kindAppointmentConfirmed',
  'lead-time-at-least': 'kindLeadTime',
  'has-future-appointment': 'kindFutureAppointment',
  'service-in': 'kindServiceIn',
  'resource-in': 'kindResourceIn',
  'weekday-in': 'kindWeekdayIn',
  'patient-age': 'kindPatientAge',
  expression: 'kindExpression',
};

/** A JSON Logic rule typed as JSON; only valid JSON reaches the form. */
function ExpressionField({ control }: { control: LooseControl }) {
  const t = useMessages();
  return (
    <Controller
      control={control}
      name="check.logic"
      render={({ field }) => (
        <JsonTextarea label={t.fieldExpression} value={field.value} onChange={field.onChange} />
      )}
    />
  );
}

function JsonTextarea({
  label,
  value,
  onChange,
}: {
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const t = useMessages();
  const [text, setText] = useState(() => JSON.stringify(value ?? {}, null, 2));
  const [invalid, setInvalid] = useState(false);
  return (
    <Textarea
      label={label}
      autosize
      minRows={3}
      value={text}
      error={invalid ? t.invalidJson : undefined}
      styles={{ input: { fontFamily: 'monospace' } }}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        try {
          const parsed: unknown = JSON.parse(next);
          const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
          setInvalid(!isObject);
          if (isObject) onChange(parsed);
        } catch {
          setInvalid(true);
        }
      }}
    />
  );
}

/** A condition's settings: what it checks, and the values of that check. */
export function ConditionStepForm({
  step,
  onChange,
}: {
  step: FlowNodeOf<'condition'>;
  onChange: (data: ConditionData) => void;
}) {
  const t = useMessages();
  const { register, control, watch, setValue } = useStepForm(conditionDataSchema, step.data, onChange);
  const loose = control as unknown as LooseControl;
  const kind = watch('check.kind') as ConditionCheck['kind'];
  return (
    <Stack gap="sm">
      <TextInput label={t.fieldLabel} {...register('label', { setValueAs: blank })} />
      <NativeSelect
        label={t.fieldCheck}
        data={optionsOf(t, kindWords)}
        value={kind}
        onChange={(event) =>
          setValue('check', defaultConditionCheck(event.currentTarget.value as ConditionCheck['kind']), {
            shouldValidate: true,
            shouldDirty: true,
          })
        }
      />
      {(kind === 'has-consent' || kind === 'channel-enabled') && (
        <NativeSelect
          key={kind}
          label={t.fieldChannel}
          data={channelOptions(t)}
          {...register('check.channel' as never)}
        />
      )}
      {kind === 'patient-unreliable' && (
        <NumberField control={loose} name="check.minimumVisits" label={t.fieldMinimumVisits} />
      )}
      {kind === 'lead-time-at-least' && (
        <NumberField control={loose} name="check.hours" label={t.fieldHours} />
      )}
      {kind === 'patient-age' && (
        <Group grow align="flex-start">
          <NumberField control={loose} name="check.min" label={t.fieldAgeMin} />
          <NumberField control={loose} name="check.max" label={t.fieldAgeMax} />
        </Group>
      )}
      {kind === 'appointment-status' && (
        <Controller
          control={loose}
          name="check.statuses"
          render={({ field, fieldState }) => (
            <Checkbox.Group
              label={t.fieldStatuses}
              value={(field.value as string[] | undefined) ?? []}
              onChange={field.onChange}
              error={fieldState.error?.message}
            >
              <Group gap="md" mt={4}>
                {optionsOf(t, stepWords.status).map((option) => (
                  <Checkbox key={option.value} value={option.value} label={option.label} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
      )}
      {kind === 'weekday-in' && (
        <Controller
          control={loose}
          name="check.weekdays"
          render={({ field, fieldState }) => (
            <Checkbox.Group
              label={t.fieldWeekdays}
              value={((field.value as number[] | undefined) ?? []).map(String)}
              onChange={(value) => field.onChange(value.map(Number).sort())}
              error={fieldState.error?.message}
            >
              <Group gap="sm" mt={4}>
                {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                  <Checkbox key={day} value={String(day)} label={t[stepWords.weekday[day]]} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
      )}
      {kind === 'service-in' && (
        <DirectoryPicker control={loose} name="check.serviceIds" label={t.fieldServiceIds} kind="services" />
      )}
      {kind === 'resource-in' && (
        <DirectoryPicker
          control={loose}
          name="check.resourceIds"
          label={t.fieldResourceIds}
          kind="resources"
        />
      )}
      {kind === 'expression' && <ExpressionField control={loose} />}
    </Stack>
  );
}
