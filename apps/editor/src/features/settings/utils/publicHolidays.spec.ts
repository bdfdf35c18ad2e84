import { holidayCountries, holidayRegions, publicHolidays } from './publicHolidays';

describe(publicHolidays.name, () => {
  it('should give the 11 public holidays of France in 2026, named in French, without observances', async () => {
    const days = await publicHolidays('FR', null, 2026, 'fr');
    expect(days).toHaveLength(11);
    expect(days[0]).toEqual({ day: '2026-01-01', name: 'Nouvel An' });
    expect(days).toContainEqual({ day: '2026-04-06', name: 'Lundi de Pâques' });
    expect(days).toContainEqual({ day: '2026-07-14', name: 'Fête Nationale de la France' });
    expect(days.map((d) => d.name)).not.toContain('Fête des Mères');
    expect(days.map((d) => d.day)).toEqual([...days.map((d) => d.day)].sort());
  });

  it("should add a region's own holidays (Bavaria's Epiphany) and name them in another language", async () => {
    const germany = (await publicHolidays('DE', null, 2026, 'en')).map((d) => d.day);
    const bavaria = await publicHolidays('DE', 'BY', 2026, 'en');
    expect(germany).not.toContain('2026-01-06');
    expect(bavaria).toContainEqual({ day: '2026-01-06', name: 'Epiphany' });
  });

  it("should list the countries and a country's regions", async () => {
    expect(await holidayCountries()).toEqual(expect.arrayContaining(['FR', 'ES', 'NO', 'DE', 'IT']));
    expect(await holidayRegions('ES', 'es')).toMatchObject({ MD: expect.any(String) });
  });
});
