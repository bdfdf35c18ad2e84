import type { ClinicContext } from '@clinicflow/rules';
import type { SettingsDocument } from './settings.repository';

/**
 * The clinic as the rules library sees it (its `clinicContextSchema`), built from the settings document:
 * the first quiet-hours window is the nightly pause.
 */
export function clinicContextOf(settings: SettingsDocument): ClinicContext {
  const night = settings.quietHours.windows[0];
  return {
    id: settings._id,
    name: settings.name,
    phone: settings.phone ?? undefined,
    website: settings.website ?? undefined,
    country: settings.country,
    timeZone: settings.timeZone,
    defaultLanguage: settings.defaultLanguage,
    communicationsEnabled: settings.communicationsEnabled,
    channels: settings.channels,
    consentMode: settings.consent.mode,
    consentPurposes: settings.consent.purposes,
    quietHours: {
      nightly: night ? { from: night.start, to: night.end } : null,
      noSendWeekdays: settings.quietHours.noSendWeekdays,
      holidays: settings.quietHours.holidays,
    },
    limits: {
      minimumLeadTimeHours: settings.limits.minimumLeadTimeHours,
      oneReminderPerDay: settings.limits.onePerPersonPerDay,
    },
    unreliable: {
      noShowRateThreshold: settings.unreliable.noShowRate,
      minimumVisits: settings.unreliable.minimumVisits,
    },
    testMode: settings.testMode,
    ...(settings.adminEmail ? { adminEmail: settings.adminEmail } : {}),
  };
}
