import { z } from 'zod';
import { pageOf } from '../paging/page';

/** The lists of the clinic's directory the screens name and pick from. */
export const DIRECTORY_KINDS = ['services', 'resources', 'locations'] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

/** A service, practitioner (resource) or location, by its id and name (the API answers more fields). */
export const directoryEntrySchema = z.object({ id: z.string(), name: z.string() });
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

/** `GET /api/services`, `/api/resources`, `/api/locations`: one page of entries. */
export const directoryPageSchema = pageOf(directoryEntrySchema);
export type DirectoryPage = z.infer<typeof directoryPageSchema>;
