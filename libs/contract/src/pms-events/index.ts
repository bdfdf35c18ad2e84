export * from './pms-event';
