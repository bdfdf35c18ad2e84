import { createHash, randomUUID } from 'node:crypto';

/** A fresh document id. */
export function newId(): string {
  return randomUUID();
}

/**
 * The id of a document that a practice-management system names by its own external id: the same clinic and
 * external id always give the same `_id`, so two concurrent upserts race on the unique `_id` (architecture.md).
 */
export function externalDocumentId(prefix: string, clinicId: string, externalId: string): string {
  return `${prefix}_${createHash('sha256').update(`${clinicId}\u0000${externalId}`).digest('hex').slice(0, 24)}`;
}
