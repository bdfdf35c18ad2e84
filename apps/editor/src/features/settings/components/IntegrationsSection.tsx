import { Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import { FhirPanel } from './FhirPanel';
import { Hl7Panel } from './Hl7Panel';
import { WebhooksPanel } from './WebhooksPanel';

type EditablePanel = 'hl7' | 'webhooks';

/**
 * The settings' Integrations tab (issue 19): one panel per way the clinic's other systems talk to clinicflow,
 * each with its own calls and state: HL7 v2 and FHIR R4 in, the webhooks (and the PMS's write-back) out. The tab
 * has unsaved changes while any panel has.
 */
export function IntegrationsSection({ onDirtyChange }: { onDirtyChange?: (dirty: boolean) => void }) {
  const t = useMessages();
  const [dirty, setDirty] = useState<Record<EditablePanel, boolean>>({ hl7: false, webhooks: false });
  // one stable callback per panel: the panels report their state from an effect
  const reporters = useMemo(
    () => ({
      hl7: (value: boolean) => setDirty((d) => (d.hl7 === value ? d : { ...d, hl7: value })),
      webhooks: (value: boolean) => setDirty((d) => (d.webhooks === value ? d : { ...d, webhooks: value })),
    }),
    [],
  );
  const anyDirty = dirty.hl7 || dirty.webhooks;
  useEffect(() => onDirtyChange?.(anyDirty), [anyDirty, onDirtyChange]);
  return (
    <Stack>
      <Text>{t.integrationsIntro}</Text>
      <Hl7Panel onDirtyChange={reporters.hl7} />
      <FhirPanel />
      <WebhooksPanel onDirtyChange={reporters.webhooks} />
    </Stack>
  );
}
