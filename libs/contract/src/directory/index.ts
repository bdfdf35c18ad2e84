export * from './directory-entry';
export * from './patient-fields';
export * from './patient-groups';
