export * from './directory-entry';
