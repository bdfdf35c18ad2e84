import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { compactData } from '../utils/compactData';

/**
 * A react-hook-form form over one step's data, validated by the libs/rules schema of its type. Every change
 * that passes the schema is handed to `onValid` (after `toData`, without empty values). The inspector mounts
 * a new form when the data changes elsewhere (undo, redo).
 */
export function useStepForm<Schema extends z.ZodType<unknown, FieldValues>>(
  schema: Schema,
  data: unknown,
  onValid: (data: z.output<Schema>) => void,
  { toForm = (value: unknown) => value, toData = (value: z.output<Schema>) => value } = {},
) {
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<Schema>, unknown, z.output<Schema>>,
    defaultValues: toForm(data) as DefaultValues<z.input<Schema>>,
    mode: 'onChange',
  });
  const handlers = useRef({ onValid, toData });
  useEffect(() => {
    handlers.current = { onValid, toData };
  });

  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ values, name }) => {
          if (!name) return; // a reset, not an edit
          const parsed = schema.safeParse(values);
          if (!parsed.success) return;
          handlers.current.onValid(compactData(handlers.current.toData(parsed.data as z.output<Schema>)));
        },
      }),
    [form, schema],
  );

  return form;
}
