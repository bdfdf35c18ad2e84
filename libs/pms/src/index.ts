export * from './appointment-state';
export * from './hl7';
export * from './fhir';
export * from './write-back';
