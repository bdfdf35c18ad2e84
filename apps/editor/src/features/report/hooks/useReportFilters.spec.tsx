import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { useReportFilters } from './useReportFilters';

function useFiltersAndUrl() {
  return { ...useReportFilters(), search: useLocation().search };
}

describe(useReportFilters.name, () => {
  it('should keep both of two changes made before the page renders again', () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <MemoryRouter initialEntries={['/report?from=2026-11-18&to=2026-11-24']}>{children}</MemoryRouter>
    );
    const { result } = renderHook(useFiltersAndUrl, { wrapper });

    act(() => {
      result.current.change({ status: ['failed'] });
      result.current.change({ channel: ['sms'] });
    });

    expect(result.current.filters.status).toEqual(['failed']);
    expect(result.current.filters.channel).toEqual(['sms']);
    expect(result.current.filters.from).toBe('2026-11-18');
    expect(result.current.search).toContain('status=failed');
  });
});
