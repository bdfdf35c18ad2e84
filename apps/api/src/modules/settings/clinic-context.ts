import type { ClinicContext } from '@clinicflow/rules';
import type { SettingsDocument } from './settings.repository';

/**
 * The clinic as the rules library sees it (its `clinicContextSchema`), built from the settings document:
 * every quiet-hours window is a pause (F6).
 */
export function clinicContextOf(settings: SettingsDocument): ClinicContext {
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
      nightly: null,
      windows: settings.quietHours.windows.map(({ start, end }) => ({ start, end })),
      noSendWeekdays: settings.quietHours.noSendWeekdays,
      holidays: settings.quietHours.holidays,
    },
    limits: {
      minimumLeadTimeHours: settings.limits.minimumLeadTimeHours,
      oneReminderPerDay: settings.limits.onePerPersonPerDay,
      mergeSameDayReminders: settings.limits.mergeSameDayReminders ?? false,
    },
    unreliable: {
      noShowRateThreshold: settings.unreliable.noShowRate,
      minimumVisits: settings.unreliable.minimumVisits,
    },
    testMode: settings.testMode,
    ...(settings.adminEmail ? { adminEmail: settings.adminEmail } : {}),
    ...(settings.adminMobile ? { adminMobile: settings.adminMobile } : {}),
  };
}
