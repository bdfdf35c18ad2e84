import { clinicToday, plusDays, presetRange, presetsOf } from './datePresets';

describe(presetRange.name, () => {
  // 23:30 UTC on Friday 4 December is already Saturday 5 December in Paris: the report's days are the clinic's
  const lateEvening = new Date('2026-12-04T23:30:00Z');

  it('should take today from the clinic’s calendar, not the browser’s', () => {
    expect(clinicToday(lateEvening, 'Europe/Paris')).toBe('2026-12-05');
    expect(clinicToday(lateEvening, 'America/New_York')).toBe('2026-12-04');
  });

  it.each([
    ['today', { from: '2026-12-05', to: '2026-12-05' }],
    ['tomorrow', { from: '2026-12-06', to: '2026-12-06' }],
    ['thisWeek', { from: '2026-11-30', to: '2026-12-06' }],
    ['last7Days', { from: '2026-11-29', to: '2026-12-05' }],
    ['last30Days', { from: '2026-11-06', to: '2026-12-05' }],
  ] as const)('should give %s around the clinic’s Saturday', (preset, range) => {
    const today = clinicToday(lateEvening, 'Europe/Paris');
    expect(presetRange(preset, today)).toEqual(range);
    expect(presetsOf(range, today)).toEqual([preset]);
  });

  it('should say a Sunday’s last 7 days are this week too', () => {
    const sunday = '2026-12-06';
    expect(presetsOf({ from: '2026-11-30', to: '2026-12-06' }, sunday)).toEqual(['thisWeek', 'last7Days']);
  });

  it('should move days across the night the clocks change without losing one', () => {
    expect(plusDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(plusDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(plusDays('2026-10-25', -1)).toBe('2026-10-24');
  });
});
