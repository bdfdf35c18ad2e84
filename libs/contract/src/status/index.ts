export * from './service-status';
