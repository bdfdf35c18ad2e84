export * from './account';
export * from './audit';
