import { apiErrorBodySchema } from './api-error';

describe('apiErrorBodySchema', () => {
  it.each([
    { statusCode: 400, message: 'Invalid request', errors: [{ path: 'body.name', message: 'is required' }] },
    { statusCode: 404, message: 'No delivery dlv_1', errors: [] },
  ])('should read $statusCode', (body) => {
    expect(apiErrorBodySchema.parse(body)).toEqual(body);
  });

  it.each([
    { title: 'a success status', body: { statusCode: 200, message: 'ok', errors: [] } },
    { title: 'no errors list', body: { statusCode: 400, message: 'Invalid request' } },
    { title: 'a problem without path', body: { statusCode: 400, message: 'x', errors: [{ message: 'y' }] } },
  ])('should refuse $title', ({ body }) => {
    expect(apiErrorBodySchema.safeParse(body).success).toBe(false);
  });
});
