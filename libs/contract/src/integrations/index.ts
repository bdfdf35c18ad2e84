export * from './hl7';
export * from './webhooks';
