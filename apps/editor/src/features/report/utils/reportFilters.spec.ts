import { apiQueryOf, filtersFromSearch, searchFromFilters } from './reportFilters';

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

  it('should carry the opened filter in the link and to the API, and drop a value the API does not take', () => {
    const filters = { ...filtersFromSearch(new URLSearchParams()), opened: 'false' as const };
    expect(searchFromFilters(filters).get('opened')).toBe('false');
    expect(apiQueryOf(filters).get('opened')).toBe('false');
    expect(filtersFromSearch(new URLSearchParams('opened=true')).opened).toBe('true');
    expect(filtersFromSearch(new URLSearchParams('opened=yes')).opened).toBe('');
    expect(apiQueryOf(filtersFromSearch(new URLSearchParams())).has('opened')).toBe(false);
  });
});
