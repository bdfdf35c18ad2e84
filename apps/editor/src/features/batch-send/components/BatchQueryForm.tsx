import { APPOINTMENT_STATUSES } from '@clinicflow/contract';
import {
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { ApiFieldError } from '../../../api/apiClient';
import { channelOptions } from '../../../i18n/channelWords';
import { useMessages } from '../../../i18n/useMessages';
import type { FilterOption } from '../../report/components/ReportFilterBar';
import type { TemplateChannel } from '../../templates/api/templatesApi';
import type { AppointmentStatus, BatchMode, BatchQuery } from '../api/batchSendApi';

interface BatchQueryFormProps {
  query: BatchQuery;
  onChange: (patch: Partial<BatchQuery>) => void;
  onPreview: () => void;
  loading: boolean;
  problems: ApiFieldError[];
  practitioners: FilterOption[];
  services: FilterOption[];
}

/**
 * The recipients' filters of the engine's batch query: appointments (days, practitioner, service, specialty,
 * status, already sent) or every patient with a valid contact; both by the patient's group and insurer.
 */
export function BatchQueryForm(props: BatchQueryFormProps) {
  const { query, onChange, problems } = props;
  const t = useMessages();
  const problemOf = (field: string) =>
    problems.find((p) => p.path === `body.${field}` || p.path === `body.query.${field}`)?.message;
  const statusWords: Record<AppointmentStatus, string> = {
    booked: t.statusBooked,
    confirmed: t.statusConfirmed,
    cancelled: t.statusCancelled,
    attended: t.statusAttended,
    no_show: t.statusNoShow,
  };
  const everyone = query.mode === 'patients';
  const patientFilters = (
    <>
      <TextInput
        label={t.batchPatientGroup}
        value={query.patientGroup ?? ''}
        error={problemOf('patientGroup')}
        onChange={(e) => onChange({ patientGroup: e.currentTarget.value })}
      />
      <TextInput
        label={t.batchInsurer}
        value={query.insurer ?? ''}
        error={problemOf('insurer')}
        onChange={(e) => onChange({ insurer: e.currentTarget.value })}
      />
    </>
  );
  const preview = (
    <Button onClick={props.onPreview} loading={props.loading}>
      {t.batchPreview}
    </Button>
  );
  return (
    <Paper withBorder p="sm" component="section" aria-label={t.reportFilters}>
      <Stack gap="sm">
        <Stack gap={2}>
          <label htmlFor="batch-mode" style={{ fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500 }}>
            {t.batchMode}
          </label>
          <SegmentedControl
            id="batch-mode"
            aria-label={t.batchMode}
            value={query.mode}
            onChange={(value) => onChange({ mode: value as BatchMode })}
            data={[
              { value: 'appointments', label: t.batchModeAppointments },
              { value: 'patients', label: t.batchModePatients },
            ]}
          />
          {everyone && (
            <Text size="xs" c="dimmed">
              {t.batchModePatientsHint}
            </Text>
          )}
        </Stack>
        <Group align="flex-end">
          {!everyone && (
            <>
              <TextInput
                type="date"
                label={t.batchFrom}
                value={query.from ?? ''}
                error={problemOf('from')}
                onChange={(e) => onChange({ from: e.currentTarget.value })}
              />
              <TextInput
                type="date"
                label={t.batchTo}
                value={query.to ?? ''}
                error={problemOf('to')}
                onChange={(e) => onChange({ to: e.currentTarget.value })}
              />
            </>
          )}
          <SegmentedControl
            aria-label={t.reportChannel}
            value={query.channel}
            onChange={(value) => onChange({ channel: value as TemplateChannel })}
            data={channelOptions(t)}
          />
        </Group>
        {everyone ? (
          <Group align="flex-end">
            {patientFilters}
            {preview}
          </Group>
        ) : (
          <>
            <Group align="flex-end">
              <Select
                label={t.reportPractitioner}
                placeholder={t.reportAll}
                clearable
                searchable
                data={props.practitioners}
                value={query.resourceId ?? null}
                onChange={(value) => onChange({ resourceId: value ?? undefined })}
              />
              <Select
                label={t.reportService}
                placeholder={t.reportAll}
                clearable
                searchable
                data={props.services}
                value={query.serviceId ?? null}
                onChange={(value) => onChange({ serviceId: value ?? undefined })}
              />
              <TextInput
                label={t.batchSpecialty}
                description={t.batchSpecialtyHint}
                value={query.specialty ?? ''}
                error={problemOf('specialty')}
                onChange={(e) => onChange({ specialty: e.currentTarget.value })}
              />
              {patientFilters}
            </Group>
            <Group align="flex-end">
              <MultiSelect
                label={t.batchAppointmentStatuses}
                data={APPOINTMENT_STATUSES.map((s) => ({ value: s, label: statusWords[s] }))}
                value={query.appointmentStatuses}
                error={problemOf('appointmentStatuses')}
                onChange={(value) => onChange({ appointmentStatuses: value as AppointmentStatus[] })}
              />
              <Stack gap={2}>
                <label
                  htmlFor="batch-sent"
                  style={{ fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500 }}
                >
                  {t.batchSent}
                </label>
                <SegmentedControl
                  id="batch-sent"
                  aria-label={t.batchSent}
                  value={query.sent}
                  onChange={(value) => onChange({ sent: value as BatchQuery['sent'] })}
                  data={[
                    { value: 'any', label: t.batchSentAny },
                    { value: 'not-sent', label: t.batchSentNot },
                    { value: 'sent', label: t.batchSentYes },
                  ]}
                />
              </Stack>
              {preview}
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
