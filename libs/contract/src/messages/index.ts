export * from './message-preview';
