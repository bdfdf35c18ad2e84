import { endNodeSchema, type FlowNodeOf } from '@clinicflow/rules';
import { Stack, TextInput } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import { useStepForm } from '../hooks/useStepForm';
import { blank } from '../utils/blank';

const endDataSchema = endNodeSchema.shape.data.unwrap();
type EndData = NonNullable<FlowNodeOf<'end'>['data']>;
const noData: EndData = {};

/** An End's settings: only its name. */
export function EndStepForm({
  step,
  onChange,
}: {
  step: FlowNodeOf<'end'>;
  onChange: (data: EndData) => void;
}) {
  const t = useMessages();
  const { register } = useStepForm(endDataSchema, step.data ?? noData, onChange);
  return (
    <Stack gap="sm">
      <TextInput label={t.fieldLabel} {...register('label', { setValueAs: blank })} />
    </Stack>
  );
}
