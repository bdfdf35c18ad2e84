export * from './flow-document';
export * from './flow-view';
export * from './flow-activity';
