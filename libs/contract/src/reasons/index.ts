export * from './reason';
export * from './words';
