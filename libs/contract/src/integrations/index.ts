export * from './hl7';
