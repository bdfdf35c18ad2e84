import { filtersFromSearch, searchFromFilters } from './reportFilters';

describe(searchFromFilters.name, () => {
  it('should keep the range chosen before any date, and read it back', () => {
    const filters = { ...filtersFromSearch(new URLSearchParams()), range: 'created' as const };
    const search = searchFromFilters(filters);
    expect(search.get('range')).toBe('created');
    expect(filtersFromSearch(search).range).toBe('created');
  });

  it('should leave the default range out of the link', () => {
    expect(
      searchFromFilters(filtersFromSearch(new URLSearchParams('from=2026-03-01'))).get('range'),
    ).toBeNull();
  });
});
