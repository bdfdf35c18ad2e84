/**
 * Public surface of @clinicflow/contract: the zod schemas of what the editor and the API exchange. The API's
 * DTOs wrap them, the editor infers its types from them, and `apps/api/test/contract.spec.ts` checks that the
 * OpenAPI document says the same.
 */
export * from './channels';
export * from './dates';
export * from './locale';
export * from './paging';
export * from './errors';
export * from './deliveries';
export * from './settings';
export * from './status';
export * from './pms-events';
export * from './inbox';
export * from './templates';
export * from './messages';
export * from './sends';
export * from './batch-sends';
export * from './flows';
export * from './directory';
export * from './live';
export * from './api-keys';
export * from './staff-actions';
export * from './reasons';
export * from './runs';
export * from './accounts';
export * from './integrations';
