/**
 * Where the links of the patient's messages live: outside the API's `/api` prefix and the editor's pages, short
 * (`/p/<kind>/<token>`; a message's short links `/p/<token>`). The routes, the prefix exclusions, the links made at send time and the request log's
 * redaction all read it here (docs/patient-links.md).
 */
export const PATIENT_PREFIX = 'p';

/** Each kind of link's segment after the prefix. */
export const PATIENT_LINK_SEGMENTS = { open: 'o', unsubscribe: 'u' } as const;
