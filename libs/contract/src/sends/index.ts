export * from './one-off-send';
