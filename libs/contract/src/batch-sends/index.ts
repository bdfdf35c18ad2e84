export * from './batch-send';
