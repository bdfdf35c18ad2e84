import {
  Alert,
  Group,
  JsonInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { triggerEventSchema } from '@clinicflow/rules';
import type { ClinicClock } from '../../../clock';
import { useMessages } from '../../../i18n/useMessages';
import { stepWords } from '../utils/stepWords';
import {
  momentsAround,
  sampleOf,
  type SampleDirectory,
  type SimulationForm,
  type SimulationInputError,
} from '../utils/simulationForm';
import { ClinicMoment } from './ClinicMoment';
import { SampleForm } from './SampleForm';
import { SamplePatientSearch } from './SamplePatientSearch';
import { ScriptedReceipts } from './ScriptedReceipts';
import { ScriptedReplies } from './ScriptedReplies';

/**
 * What the simulation runs on, in a practice manager's words: what happens and when (clinic time), whose
 * appointment (one of the clinic's patients, or made up), the patient's replies, the receipts of a ladder's
 * messages (only when the flow has a "Reach the patient" step), and how far to look. The sample as JSON stays
 * behind "advanced".
 */
export function SimulationSetup({
  form,
  setForm,
  directory,
  clock,
  error,
  receipts,
}: {
  form: SimulationForm;
  setForm: (update: (form: SimulationForm) => SimulationForm) => void;
  directory: SampleDirectory;
  clock: ClinicClock;
  error: SimulationInputError | null;
  /** Whether the flow has a "Reach the patient" step, the only one receipts move. */
  receipts: boolean;
}) {
  const t = useMessages();
  const zone = clock.timeZone;
  const patch = (changes: Partial<SimulationForm>) => setForm((f) => ({ ...f, ...changes }));
  const badTime = (field: SimulationInputError['field']) =>
    error?.field === field ? t.simulationBadTime : undefined;
  const toggleAdvanced = (advanced: boolean) =>
    setForm((f) => {
      if (!advanced) return { ...f, advanced };
      // the JSON starts from what the form says, so "advanced" refines it rather than starting over
      let json = f.json;
      try {
        json = JSON.stringify(sampleOf({ ...f, advanced: false }, directory, zone), null, 2);
      } catch {
        // a form that cannot be read yet keeps the last JSON
      }
      return { ...f, advanced, json };
    });
  return (
    <Stack gap="xs">
      <Select
        label={t.simulationEvent}
        data={triggerEventSchema.options.map((event) => ({ value: event, label: t[stepWords.event[event]] }))}
        value={form.eventType}
        onChange={(value) => value && patch({ eventType: value })}
        allowDeselect={false}
      />
      <Group grow gap="xs" align="flex-start">
        <TextInput
          type="date"
          label={t.simulationEventDay}
          value={form.eventDay}
          onChange={(e) => patch({ eventDay: e.currentTarget.value })}
          error={badTime('event')}
          required
        />
        <TextInput
          type="time"
          label={t.simulationEventTime}
          value={form.eventTime}
          onChange={(e) => patch({ eventTime: e.currentTarget.value })}
          required
        />
      </Group>
      <ClinicMoment clock={clock} day={form.eventDay} time={form.eventTime} />
      <div>
        <Text size="sm" fw={500} id="simulation-source">
          {t.simulationSampleSource}
        </Text>
        <SegmentedControl
          fullWidth
          size="xs"
          aria-labelledby="simulation-source"
          value={form.source}
          disabled={form.advanced}
          onChange={(source) => patch({ source: source as SimulationForm['source'] })}
          data={[
            { value: 'form', label: t.simulationSourceForm },
            { value: 'clinic', label: t.simulationSourceClinic },
          ]}
        />
      </div>
      {!form.advanced && form.source === 'clinic' && (
        <SamplePatientSearch
          clock={clock}
          patient={form.picked?.patient ?? null}
          onPick={(patient, appointment) =>
            setForm((f) => ({
              ...f,
              picked: patient ? { patient, appointment } : null,
              ...(appointment ? momentsAround(appointment.start, zone) : {}),
            }))
          }
        />
      )}
      {!form.advanced && form.source === 'clinic' && !form.picked && (
        <Text size="xs" c="dimmed">
          {t.simulationPickFirst}
        </Text>
      )}
      {!form.advanced && form.source === 'form' && (
        <SampleForm
          value={form.made}
          onChange={(changes) => setForm((f) => ({ ...f, made: { ...f.made, ...changes } }))}
          directory={directory}
          clock={clock}
          error={badTime('appointment')}
        />
      )}
      <Switch
        size="xs"
        label={t.simulationAdvanced}
        checked={form.advanced}
        onChange={(e) => toggleAdvanced(e.currentTarget.checked)}
      />
      {form.advanced && (
        <JsonInput
          label={t.simulationSample}
          description={t.simulationSampleHint}
          autosize
          minRows={4}
          maxRows={12}
          validationError={t.invalidJson}
          value={form.json}
          onChange={(json) => patch({ json })}
          error={error?.field === 'json' ? t.invalidJson : undefined}
        />
      )}
      <ScriptedReplies
        replies={form.replies}
        onChange={(replies) => patch({ replies })}
        clock={clock}
        defaultDay={form.eventDay}
      />
      {error?.field === 'reply' && (
        <Alert color="red" role="alert" p="xs">
          {t.simulationBadTime}
        </Alert>
      )}
      {receipts && (
        <ScriptedReceipts
          receipts={form.receipts}
          onChange={(changed) => patch({ receipts: changed })}
          clock={clock}
          defaultDay={form.eventDay}
        />
      )}
      {receipts && error?.field === 'receipt' && (
        <Alert color="red" role="alert" p="xs">
          {t.simulationBadTime}
        </Alert>
      )}
      <TextInput
        type="date"
        label={t.simulationUntilDay}
        value={form.untilDay}
        onChange={(e) => patch({ untilDay: e.currentTarget.value })}
        error={badTime('until')}
      />
    </Stack>
  );
}
