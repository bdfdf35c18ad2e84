import { z } from 'zod';
import { searchTextSchema } from './search-text';

/** The paging of every list: 1-based page, at most 100 per page (`defaultPageSize` when not asked). */
export function pageFields(defaultPageSize = 20) {
  return {
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(defaultPageSize),
  };
}

/** Query parameters of a plain list: optional free-text search, then the paging. */
export const pageQuerySchema = z.object({
  q: searchTextSchema.optional(),
  ...pageFields(),
});
export type PageQuery = z.output<typeof pageQuerySchema>;

/** One page of a list as the API answers it: the items, how many in all, and which page. */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}
