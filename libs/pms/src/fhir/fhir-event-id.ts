import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level: the same resource always reads the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The event id of one version of a resource, so that the same version posted twice (a retried transaction, a
 * notification after a direct post) is one event: `fhir:Appointment/<id>/_history/<versionId>`, or without a
 * version the sha-256 of the resource's canonical JSON (a server that keeps no versions still sends the same
 * bytes for the same state).
 */
export function fhirEventId(
  type: string,
  externalId: string,
  resource: unknown,
  versionId: string | undefined,
): string {
  if (versionId) return `fhir:${type}/${externalId}/_history/${versionId}`;
  return `fhir:${type}/${externalId}/${createHash('sha256').update(canonicalJson(resource)).digest('hex')}`;
}
