import { z } from 'zod';
import { pageOf, pageQuerySchema } from './page';

describe('pageQuerySchema', () => {
  it('should default to the first page of 20', () => {
    expect(pageQuerySchema.parse({})).toEqual({ page: 1, pageSize: 20 });
  });

  it('should read the query string numbers', () => {
    expect(pageQuerySchema.parse({ page: '3', pageSize: '50', q: ' lea ' })).toEqual({
      page: 3,
      pageSize: 50,
      q: 'lea',
    });
  });

  it.each([{ page: '0' }, { pageSize: '101' }, { page: 'x' }])('should refuse %p', (query) => {
    expect(pageQuerySchema.safeParse(query).success).toBe(false);
  });
});

describe(pageOf.name, () => {
  const sut = pageOf(z.object({ id: z.string() }));

  it('should read a page', () => {
    const page = { items: [{ id: 'a' }], total: 1, page: 1, pageSize: 20 };
    expect(sut.parse(page)).toEqual(page);
  });

  it('should refuse a page without its total', () => {
    expect(sut.safeParse({ items: [], page: 1, pageSize: 20 }).success).toBe(false);
  });
});
