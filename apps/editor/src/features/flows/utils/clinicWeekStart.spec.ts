import { clinicWeekStart } from './clinicWeekStart';

describe(clinicWeekStart.name, () => {
  it('should count days on the clinic’s clock, not the computer’s', () => {
    // 23:30 UTC on 24 November is already 25 November in Paris and still 24 November in Los Angeles
    const now = new Date('2026-11-24T23:30:00Z');
    expect(clinicWeekStart(now, 'Europe/Paris')).toBe('2026-11-19');
    expect(clinicWeekStart(now, 'America/Los_Angeles')).toBe('2026-11-18');
  });

  it('should go back calendar days across a clock change', () => {
    expect(clinicWeekStart(new Date('2026-03-30T22:30:00Z'), 'Europe/Paris')).toBe('2026-03-25');
  });
});
