import { Alert, Button, Checkbox, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useLanguage, useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import { holidayCountries, holidayRegions, publicHolidays } from '../utils/publicHolidays';

/**
 * The public holidays of a country (and region) for this year or the next, from the maintained `date-holidays`
 * package: ticked ones are added to the clinic's holidays. The clinic's country is offered first.
 */
export function NationalHolidays({
  country: clinicCountry,
  holidays,
  onAdd,
}: {
  country: string;
  holidays: readonly string[];
  onAdd: (days: string[]) => void;
}) {
  const t = useMessages();
  const language = useLanguage();
  const thisYear = new Date().getFullYear();
  // a clinic always has a country; settings saved before it existed fall back to France, the demo's
  const [country, setCountry] = useState(clinicCountry || 'FR');
  const [region, setRegion] = useState<string | null>(null);
  const [year, setYear] = useState(thisYear);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const countryNames = useMemo(() => new Intl.DisplayNames([language], { type: 'region' }), [language]);
  const countryName = (code: string) => {
    try {
      return countryNames.of(code) ?? code;
    } catch {
      return code; // a code the browser's region names lack
    }
  };
  const countries = useQuery({
    queryKey: ['holiday-countries'],
    queryFn: holidayCountries,
    staleTime: Infinity,
  });
  const regions = useQuery({
    queryKey: ['holiday-regions', country, language],
    queryFn: () => holidayRegions(country, language),
    staleTime: Infinity,
  });
  const days = useQuery({
    queryKey: ['public-holidays', country, region, year, language],
    queryFn: () => publicHolidays(country, region, year, language),
    staleTime: Infinity,
  });
  const known = new Set(holidays);
  const ticked = (days.data ?? []).filter((d) => !known.has(d.day) && !unticked.has(d.day)).map((d) => d.day);
  const toggle = (day: string) =>
    setUnticked((current) => {
      const next = new Set(current);
      if (next.has(day)) next.delete(day);
      else next.add(day);
      return next;
    });
  const dayWords = (day: string) =>
    new Date(`${day}T12:00:00`).toLocaleDateString(language, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
    });
  const regionOptions = Object.entries(regions.data ?? {}).map(([value, label]) => ({ value, label }));

  return (
    <Stack gap="xs" component="section" aria-label={t.holidaysNationalTitle}>
      <Title order={5}>{t.holidaysNationalTitle}</Title>
      <Text size="sm">{t.holidaysNationalIntro}</Text>
      <Group align="flex-end">
        <Select
          label={t.holidaysCountry}
          searchable
          w={220}
          value={country}
          allowDeselect={false}
          data={(countries.data ?? [country]).map((code) => ({ value: code, label: countryName(code) }))}
          onChange={(value) => {
            if (!value) return;
            setCountry(value);
            setRegion(null);
          }}
        />
        {regionOptions.length > 0 && (
          <Select
            label={t.holidaysRegion}
            placeholder={t.holidaysWholeCountry}
            clearable
            searchable
            w={220}
            value={region}
            data={regionOptions}
            onChange={setRegion}
          />
        )}
        <Select
          label={t.holidaysYear}
          w={120}
          value={String(year)}
          allowDeselect={false}
          data={[String(thisYear), String(thisYear + 1)]}
          onChange={(value) => value && setYear(Number(value))}
        />
      </Group>
      {days.isPending && <Loader size="sm" />}
      {days.error && (
        <Alert color="red" role="alert">
          {days.error.message}
        </Alert>
      )}
      {days.data && days.data.length === 0 && <Text size="sm">{t.holidaysNone}</Text>}
      {days.data && days.data.length > 0 && (
        <Stack gap={4} role="group" aria-label={formatMessage(t.holidaysOf, { year })}>
          {days.data.map(({ day, name }) => (
            <Checkbox
              key={day}
              label={`${dayWords(day)} — ${name}${known.has(day) ? ` (${t.holidaysAlreadyAdded})` : ''}`}
              checked={known.has(day) || !unticked.has(day)}
              disabled={known.has(day)}
              onChange={() => toggle(day)}
            />
          ))}
        </Stack>
      )}
      <Group>
        <Button variant="light" disabled={ticked.length === 0} onClick={() => onAdd(ticked)}>
          {formatMessage(t.holidaysAdd, { count: ticked.length })}
        </Button>
      </Group>
    </Stack>
  );
}
