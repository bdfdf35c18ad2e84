export { clinicClock, clockLocale, type ClinicClock, type ClockSettings } from './clinicClock';
export { useClinicClock } from './useClinicClock';
export { ClinicZoneNote } from './ClinicZoneNote';
