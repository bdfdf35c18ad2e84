export * from './ack';
export * from './charset';
export * from './mllp';
export * from './siu';
export * from './timestamp';
export * from './samples';
export type { Hl7Message } from '@medplum/core';
