import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { settingsApi } from '../features/settings/api/settingsApi';
import { useLanguage } from '../i18n/useMessages';
import { clinicClock, type ClinicClock } from './clinicClock';

/** The settings are shared by every screen's clock: read once, kept a few minutes (a zone rarely changes). */
const SETTINGS_STALE_MS = 5 * 60_000;

/**
 * The clinic's clock in the interface language: null until the clinic's settings are known, so that a time is
 * never shown in the browser's zone meanwhile.
 */
export function useClinicClock(): ClinicClock | null {
  const language = useLanguage();
  const settings = useQuery({
    queryKey: ['settings'],
    queryFn: settingsApi.get,
    staleTime: SETTINGS_STALE_MS,
  });
  const timeZone = settings.data?.timeZone;
  const country = settings.data?.country;
  return useMemo(
    () => (timeZone ? clinicClock({ timeZone, country, language }) : null),
    [timeZone, country, language],
  );
}
