import { reachDataSchema, type FlowNodeOf, type ReachData, type RulesProblem } from '@clinicflow/rules';
import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useFieldArray } from 'react-hook-form';
import { useMessages } from '../../../i18n/useMessages';
import { useStepForm } from '../hooks/useStepForm';
import { optionsOf } from '../utils/optionsOf';
import { newRung, reachData, reachFormValues } from '../utils/reachFormValues';
import { stepWords } from '../utils/stepWords';
import { RungFields } from './RungFields';
import { blank } from '../utils/blank';

const convert = { toForm: (data: unknown) => reachFormValues(data as ReachData), toData: reachData };

/**
 * "Reach the patient" (a channel ladder): its name and purpose, then its attempts in order, each a channel, what
 * counts as reaching the patient and how long to wait for it, and its message. Attempts are added (one per
 * channel, four at most), removed (one stays) and moved up or down. The recipient is always the patient.
 */
export function ReachStepForm({
  step,
  onChange,
  problems = [],
}: {
  step: FlowNodeOf<'reach'>;
  onChange: (data: ReachData) => void;
  /** The validator's problems of this step; each attempt shows those of its message. */
  problems?: readonly RulesProblem[];
}) {
  const t = useMessages();
  const form = useStepForm(reachDataSchema, step.data, onChange, convert);
  const { register, control, watch } = form;
  const attempts = useFieldArray({ control, name: 'rungs' });
  const next = newRung(watch('rungs'));
  const problemsOf = (index: number) =>
    problems.filter((problem) => problem.path.includes(`.data.rungs.${index}.`));
  return (
    <Stack gap="sm">
      <TextInput label={t.fieldLabel} {...register('label', { setValueAs: blank })} />
      <NativeSelect
        label={t.fieldPurpose}
        data={[{ value: '', label: '—' }, ...optionsOf(t, stepWords.purpose)]}
        {...register('purpose', { setValueAs: blank })}
      />
      <Title order={5}>{t.reachAttempts}</Title>
      <Text size="sm" c="dimmed">
        {t.reachIntro}
      </Text>
      {attempts.fields.map((field, index) => (
        <RungFields
          key={field.id}
          form={form}
          index={index}
          count={attempts.fields.length}
          problems={problemsOf(index)}
          onMove={(to) => attempts.move(index, to)}
          onRemove={() => attempts.remove(index)}
        />
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          disabled={!next}
          onClick={() => next && attempts.append(next)}
        >
          {t.reachAddAttempt}
        </Button>
      </Group>
    </Stack>
  );
}
