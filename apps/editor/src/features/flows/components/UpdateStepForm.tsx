import { updateNodeSchema, type FlowNodeOf } from '@clinicflow/rules';
import { NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import { useStepForm } from '../hooks/useStepForm';
import { optionsOf } from '../utils/optionsOf';
import { stepWords } from '../utils/stepWords';
import { blank } from '../utils/blank';

type UpdateData = FlowNodeOf<'update'>['data'];

/** An update's settings: the confirmation status it gives the appointment. */
export function UpdateStepForm({
  step,
  onChange,
}: {
  step: FlowNodeOf<'update'>;
  onChange: (data: UpdateData) => void;
}) {
  const t = useMessages();
  const { register } = useStepForm(updateNodeSchema.shape.data, step.data, onChange);
  return (
    <Stack gap="sm">
      <TextInput label={t.fieldLabel} {...register('label', { setValueAs: blank })} />
      <NativeSelect
        label={t.fieldConfirmation}
        data={optionsOf(t, stepWords.confirmation)}
        {...register('confirmation')}
      />
    </Stack>
  );
}
