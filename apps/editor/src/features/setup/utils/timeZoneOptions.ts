/**
 * Every IANA time zone the browser knows, for the setup page's searchable list ("Europe/Paris"), with the
 * browser's own zone always in it (some report "UTC", which `supportedValuesOf` leaves out).
 */
export function timeZoneOptions(own: string = browserTimeZone()): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.includes(own) ? zones : [own, ...zones];
}

/** The browser's own zone, preselected (UTC when it cannot tell). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
