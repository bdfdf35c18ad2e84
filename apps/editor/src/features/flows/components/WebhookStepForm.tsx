import { webhookNodeSchema, type FlowNodeOf } from '@clinicflow/rules';
import { Stack, TextInput } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import { useStepForm } from '../hooks/useStepForm';
import { blank } from '../utils/blank';

type WebhookData = FlowNodeOf<'webhook'>['data'];

/** A webhook's settings: the address it posts the run's context to. */
export function WebhookStepForm({
  step,
  onChange,
}: {
  step: FlowNodeOf<'webhook'>;
  onChange: (data: WebhookData) => void;
}) {
  const t = useMessages();
  const { register, formState } = useStepForm(webhookNodeSchema.shape.data, step.data, onChange);
  return (
    <Stack gap="sm">
      <TextInput label={t.fieldLabel} {...register('label', { setValueAs: blank })} />
      <TextInput label={t.fieldUrl} type="url" error={formState.errors.url?.message} {...register('url')} />
    </Stack>
  );
}
