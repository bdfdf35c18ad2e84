import { CHANNELS, DELIVERY_STATUSES, SENT_BY_ENGINE } from '@clinicflow/contract';
import { Button, Chip, Group, Input, Paper, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiFieldError } from '../../../api/apiClient';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import type { DeliveryChannel, DeliveryStatus } from '../api/reportApi';
import { clinicToday, datePresets, presetRange, presetsOf, type DatePreset } from '../utils/datePresets';
import { channelLabel, statusLabel } from '../utils/deliveryWords';
import { fieldOfProblem, rangeFields, type RangeField, type ReportFilters } from '../utils/reportFilters';
import { StatusLegend } from './StatusLegend';

/** A choice of a select: the clinic's flows, practitioners, services. */
export interface FilterOption {
  value: string;
  label: string;
}

interface ReportFilterBarProps {
  filters: ReportFilters;
  onChange: (patch: Partial<ReportFilters>) => void;
  onClear: () => void;
  /** The API's 400 problems, shown next to the field they name. */
  problems: ApiFieldError[];
  flows: FilterOption[];
  practitioners: FilterOption[];
  services: FilterOption[];
  /** The clinic's users, by e-mail: who may have sent messages by hand (the engine is always offered). */
  users?: FilterOption[];
  now?: Date;
  /** The clinic's zone: the presets' days are the clinic's (the browser's until it is known). */
  timeZone?: string | null;
}

const presetKeys: Record<
  DatePreset,
  'presetToday' | 'presetTomorrow' | 'presetThisWeek' | 'presetLast7Days' | 'presetLast30Days'
> = {
  today: 'presetToday',
  tomorrow: 'presetTomorrow',
  thisWeek: 'presetThisWeek',
  last7Days: 'presetLast7Days',
  last30Days: 'presetLast30Days',
};

/** The report's filters: dates (with presets), statuses, channels, flow, practitioner, service, sent by, search. */
export function ReportFilterBar(props: ReportFilterBarProps) {
  const { filters, onChange, onClear, problems } = props;
  const t = useMessages();
  const rangeLabels: Record<RangeField, string> = {
    created: t.reportRangeCreated,
    send: t.reportRangeSend,
    delivered: t.reportRangeDelivered,
  };
  const today = clinicToday(props.now ?? new Date(), props.timeZone);
  const [search, setSearch] = useState(filters.q);
  // The URL's search arrives later than the box, sometimes after more was typed: follow it only when it
  // holds a value this box never sent (the back button), never one of its own on its way.
  const [seen, setSeen] = useState(filters.q);
  const [sent, setSent] = useState<string[]>([filters.q]);
  if (filters.q !== seen) {
    setSeen(filters.q);
    if (!sent.includes(filters.q)) setSearch(filters.q);
  }
  const commitSearch = useDebouncedCallback((q: string) => {
    setSent((values) => [...values.slice(-20), q]);
    onChange({ q });
  }, 350);
  const problemOf = (field: keyof ReportFilters) =>
    problems.find((p) => fieldOfProblem(p.path) === field)?.message;
  const activePresets = presetsOf(filters, today);
  // a sender of a shared link who is no longer a user is kept as the value it was, so the filter still shows
  const sentByChoices = [{ value: SENT_BY_ENGINE, label: t.reportSentByEngine }, ...(props.users ?? [])];
  if (filters.sentBy && !sentByChoices.some((choice) => choice.value === filters.sentBy)) {
    sentByChoices.push({ value: filters.sentBy, label: filters.sentBy });
  }
  const statusError = problemOf('status');
  const channelError = problemOf('channel');
  return (
    <Paper withBorder p="sm" component="section" aria-label={t.reportFilters}>
      <Stack gap="sm">
        <Group gap="sm" align="flex-end">
          <Input.Wrapper label={t.reportRange}>
            <SegmentedControl
              aria-label={t.reportRange}
              size="xs"
              display="flex"
              value={filters.range}
              onChange={(value) => onChange({ range: value as RangeField })}
              data={rangeFields.map((range) => ({ value: range, label: rangeLabels[range] }))}
            />
          </Input.Wrapper>
          <TextInput
            type="date"
            size="xs"
            label={t.reportFrom}
            value={filters.from}
            error={problemOf('from')}
            onChange={(e) => onChange({ from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            size="xs"
            label={t.reportTo}
            value={filters.to}
            error={problemOf('to')}
            onChange={(e) => onChange({ to: e.currentTarget.value })}
          />
          <Group gap={4} role="group" aria-label={t.reportRange}>
            {datePresets.map((preset) => (
              <Button
                key={preset}
                size="xs"
                variant={activePresets.includes(preset) ? 'filled' : 'default'}
                aria-pressed={activePresets.includes(preset)}
                onClick={() => onChange(presetRange(preset, today))}
              >
                {t[presetKeys[preset]]}
              </Button>
            ))}
            <Button
              size="xs"
              variant={!filters.from && !filters.to ? 'filled' : 'default'}
              aria-pressed={!filters.from && !filters.to}
              onClick={() => onChange({ from: '', to: '' })}
            >
              {t.reportAnyDate}
            </Button>
          </Group>
        </Group>
        <Input.Wrapper label={t.reportStatus} error={statusError} labelElement="div">
          <Group gap={4} mt={4}>
            <Chip.Group
              multiple
              value={filters.status}
              onChange={(status) => onChange({ status: status as DeliveryStatus[] })}
            >
              {DELIVERY_STATUSES.map((status) => (
                <Chip key={status} value={status} size="xs">
                  {statusLabel(t, status)}
                </Chip>
              ))}
            </Chip.Group>
            <StatusLegend />
          </Group>
        </Input.Wrapper>
        <Group gap="sm" align="flex-end">
          <Input.Wrapper label={t.reportChannel} error={channelError} labelElement="div">
            <Group gap={4} mt={4}>
              <Chip.Group
                multiple
                value={filters.channel}
                onChange={(channel) => onChange({ channel: channel as DeliveryChannel[] })}
              >
                {CHANNELS.map((channel) => (
                  <Chip key={channel} value={channel} size="xs">
                    {channelLabel(t, channel)}
                  </Chip>
                ))}
              </Chip.Group>
            </Group>
          </Input.Wrapper>
          <Select
            size="xs"
            label={t.reportFlow}
            placeholder={t.reportAll}
            clearable
            searchable
            data={props.flows}
            value={filters.flowId || null}
            error={problemOf('flowId')}
            onChange={(value) => onChange({ flowId: value ?? '' })}
          />
          <Select
            size="xs"
            label={t.reportPractitioner}
            placeholder={t.reportAll}
            clearable
            searchable
            data={props.practitioners}
            value={filters.resourceId || null}
            error={problemOf('resourceId')}
            onChange={(value) => onChange({ resourceId: value ?? '' })}
          />
          <Select
            size="xs"
            label={t.reportService}
            placeholder={t.reportAll}
            clearable
            searchable
            data={props.services}
            value={filters.serviceId || null}
            error={problemOf('serviceId')}
            onChange={(value) => onChange({ serviceId: value ?? '' })}
          />
          <Select
            size="xs"
            label={t.reportSentBy}
            placeholder={t.reportAll}
            clearable
            searchable
            data={sentByChoices}
            value={filters.sentBy || null}
            error={problemOf('sentBy')}
            onChange={(value) => onChange({ sentBy: value ?? '' })}
          />
          <Select
            size="xs"
            label={t.reportOpened}
            placeholder={t.reportAll}
            clearable
            data={[
              { value: 'true', label: t.reportOpenedYes },
              { value: 'false', label: t.reportOpenedNo },
            ]}
            value={filters.opened || null}
            error={problemOf('opened')}
            onChange={(value) => onChange({ opened: (value ?? '') as ReportFilters['opened'] })}
          />
          <TextInput
            size="xs"
            label={t.reportSearch}
            leftSection={<IconSearch size={14} />}
            value={search}
            error={problemOf('q')}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              commitSearch(e.currentTarget.value);
            }}
          />
          {filters.batchId && (
            <Chip checked onChange={() => onChange({ batchId: '' })} size="xs" icon={<IconX size={12} />}>
              {formatMessage(t.reportBatch, { id: filters.batchId.slice(0, 12) })}
            </Chip>
          )}
          {filters.appointmentId && (
            <Chip
              checked
              onChange={() => onChange({ appointmentId: '' })}
              size="xs"
              icon={<IconX size={12} />}
            >
              {formatMessage(t.reportAppointment, { id: filters.appointmentId.slice(0, 12) })}
            </Chip>
          )}
          <Button
            size="xs"
            variant="subtle"
            onClick={() => {
              setSearch('');
              onClear();
            }}
          >
            {t.reportClear}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
