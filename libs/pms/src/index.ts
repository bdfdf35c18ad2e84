export * from './appointment-state';
export * from './hl7';
