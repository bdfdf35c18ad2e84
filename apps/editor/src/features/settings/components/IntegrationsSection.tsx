import { Stack, Text } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import { FhirPanel } from './FhirPanel';
import { Hl7Panel } from './Hl7Panel';

/**
 * The settings' Integrations tab (issue 19): one panel per way the clinic's other systems talk to clinicflow,
 * each with its own calls and state. A new way in or out (the webhooks) is one more sibling panel here.
 */
export function IntegrationsSection({ onDirtyChange }: { onDirtyChange?: (dirty: boolean) => void }) {
  const t = useMessages();
  return (
    <Stack>
      <Text>{t.integrationsIntro}</Text>
      <Hl7Panel onDirtyChange={onDirtyChange} />
      <FhirPanel />
    </Stack>
  );
}
