import { createApiKeySchema } from './api-key';

const problemPaths = (value: unknown) =>
  (createApiKeySchema.safeParse(value).error?.issues ?? []).map((i) => i.path.join('.'));

describe('createApiKeySchema', () => {
  it.each([
    ['a name only', { name: 'PMS' }],
    ['every scope', { name: 'PMS', scopes: ['events', 'directory', 'reports'] }],
    ['the directory only', { name: 'PMS', scopes: ['directory'] }],
  ])('should take %s', (_title, body) => {
    expect(problemPaths(body)).toEqual([]);
  });

  it.each([
    ['an unknown scope', { name: 'PMS', scopes: ['admin'] }, ['scopes.0']],
    ['no scope at all', { name: 'PMS', scopes: [] }, ['scopes']],
    ['a scope twice', { name: 'PMS', scopes: ['events', 'events'] }, ['scopes']],
    ['no name', { scopes: ['events'] }, ['name']],
  ])('should refuse %s', (_title, body, paths) => {
    expect(problemPaths(body)).toEqual(paths);
  });
});
