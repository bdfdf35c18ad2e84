export * from './fhir-appointment';
export * from './fhir-bundle';
export * from './fhir-event-id';
export * from './fhir-outcome';
export * from './fhir-patient';
export * from './fhir-reference';
export type { FhirChange, FieldSources } from './types';
