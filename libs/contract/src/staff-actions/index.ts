export * from './resource-alert';
export * from './manual-run';
