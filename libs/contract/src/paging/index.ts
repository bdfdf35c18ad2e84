export * from './page';
export * from './search-text';
