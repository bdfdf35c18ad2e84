import type { Duration, TimeUnit } from '@clinicflow/rules';
import { Group, NativeSelect, NumberInput } from '@mantine/core';
import { useState } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import { optionsOf } from '../utils/optionsOf';
import { stepWords } from '../utils/stepWords';

/**
 * A message's expiry (F6, the step's `expiresAfter`): an amount and a unit, or nothing (it never expires). The
 * unit is kept while the amount is empty, so the step's data is always whole: both, or neither.
 */
export function ExpiryField({
  value,
  onChange,
  error,
}: {
  value: Duration | undefined;
  onChange: (value: Duration | undefined) => void;
  error?: string;
}) {
  const t = useMessages();
  const [unit, setUnit] = useState<TimeUnit>(value?.unit ?? 'hours');
  return (
    <Group grow align="flex-start">
      <NumberInput
        label={t.fieldExpiresAfter}
        description={t.fieldExpiresHint}
        min={1}
        allowDecimal={false}
        value={value?.amount ?? ''}
        onChange={(amount) => onChange(typeof amount === 'number' ? { amount, unit } : undefined)}
        error={error}
      />
      <NativeSelect
        label={t.fieldExpiresUnit}
        data={optionsOf(t, stepWords.unitName)}
        value={unit}
        onChange={(event) => {
          const next = event.currentTarget.value as TimeUnit;
          setUnit(next);
          if (value) onChange({ amount: value.amount, unit: next });
        }}
      />
    </Group>
  );
}
