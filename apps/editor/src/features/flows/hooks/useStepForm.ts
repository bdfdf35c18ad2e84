import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';

/**
 * A react-hook-form form over one step's data, validated by the libs/rules schema of its type. Every change
 * that passes the schema is handed to `onValid` (after `toData`); changes made elsewhere (undo) reset it.
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
  const committed = useRef(data);
  const handlers = useRef({ onValid, toData, toForm });
  useEffect(() => {
    handlers.current = { onValid, toData, toForm };
  });

  useEffect(() => {
    if (data === committed.current) return;
    committed.current = data;
    form.reset(handlers.current.toForm(data) as z.input<Schema>);
  }, [data, form]);

  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ values, name }) => {
          if (!name) return; // a reset, not an edit
          const parsed = schema.safeParse(values);
          if (!parsed.success) return;
          const next = handlers.current.toData(parsed.data as z.output<Schema>);
          committed.current = next;
          handlers.current.onValid(next as z.output<Schema>);
        },
      }),
    [form, schema],
  );

  return form;
}
