import { NumberInput } from '@mantine/core';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';

/** A number input bound to a form field; an empty input means "not set". */
export function NumberField<Values extends FieldValues>({
  control,
  name,
  label,
  min = 0,
}: {
  control: Control<Values>;
  name: Path<Values>;
  label: string;
  min?: number;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={label}
          min={min}
          allowDecimal={false}
          value={field.value ?? ''}
          onChange={(value) => field.onChange(typeof value === 'number' ? value : undefined)}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
