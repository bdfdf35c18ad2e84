import { externalDocumentId } from '../../common/ids';
import type { DirectoryKind } from './directory.dto';

/** The `_id` prefix of each directory collection's entries. */
export const ID_PREFIXES: Record<DirectoryKind | 'patients', string> = {
  patients: 'pat',
  services: 'svc',
  resources: 'res',
  locations: 'loc',
};

/** The `_id` of the entry the PMS calls `externalId` (the same every time, so two upserts race on it). */
export function directoryIdFor(
  kind: DirectoryKind | 'patients',
  clinicId: string,
  externalId: string,
): string {
  return externalDocumentId(ID_PREFIXES[kind], clinicId, externalId);
}
