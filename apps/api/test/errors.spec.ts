import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from './test-app';

describe('error answers', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('should answer an unknown route with 404 in the shape of api.md', async () => {
    const res = await request(app.getHttpServer()).get('/api/no-such-thing').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      message: expect.stringContaining('/api/no-such-thing'),
      errors: [],
    });
  });

  it('should answer a body over 1 MB with 413', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/health')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ blob: 'x'.repeat(1_100_000) }))
      .expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, errors: [{ path: 'body', message: 'too large' }] });
  });

  it('should answer malformed JSON with 400 naming the body', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/health')
      .set('content-type', 'application/json')
      .send('{"not json')
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, errors: [{ path: 'body' }] });
  });

  it('should serve the OpenAPI document', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(res.body.paths).toHaveProperty('/api/health');
  });
});
