import type { OperationOutcomeIssue } from '@medplum/fhirtypes';
import { fhirError } from './fhir-outcome';

/**
 * Reading what a FHIR server sent, which is JSON of any shape until read: each reader answers the value when
 * it has the expected type and records an error naming the path when it has another, so a wrong shape gives
 * an OperationOutcome instead of an exception.
 */
export type Issues = OperationOutcomeIssue[];

/** Whether a value is a JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string element: absent when null or missing; FHIR allows no empty strings, so "" is an error too. */
export function readText(value: unknown, path: string, issues: Issues): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  issues.push(fhirError(path, 'must be a non-empty string', 'structure'));
  return undefined;
}

/** A repeating element: [] when missing. */
export function readList(value: unknown, path: string, issues: Issues): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  issues.push(fhirError(path, 'must be an array', 'structure'));
  return [];
}

/** A complex element (a Reference, a Meta): undefined when missing. */
export function readObject(
  value: unknown,
  path: string,
  issues: Issues,
): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (isObject(value)) return value;
  issues.push(fhirError(path, 'must be an object', 'structure'));
  return undefined;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A FHIR instant (`2026-03-07T10:00:00+01:00`): a time without a zone is refused rather than guessed, since
 * the clinic's zone and the server's may differ and a reminder an hour off is worse than none.
 */
export function readInstant(value: unknown, path: string, issues: Issues): string | undefined {
  const text = readText(value, path, issues);
  if (text === undefined) return undefined;
  const match = INSTANT.exec(text);
  if (!match || Number.isNaN(Date.parse(text))) {
    issues.push(fhirError(path, 'must be an instant such as 2026-03-07T10:00:00+01:00'));
    return undefined;
  }
  if (!match[3]) {
    issues.push(fhirError(path, 'must be an instant with a zone (Z or +01:00)'));
    return undefined;
  }
  return text;
}

/** `Appointment.participant[2].actor`: a child element's path. */
export const at = (path: string, child: string) => `${path}.${child}`;

/** `Appointment.participant[2]`: an item's path. */
export const item = (path: string, index: number) => `${path}[${index}]`;
