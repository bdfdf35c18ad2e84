export * from './delivery-status';
export * from './delivery';
export * from './delivery-query';
export * from './delivery-page';
export * from './delivery-summary';
export * from './delivery-actions';
