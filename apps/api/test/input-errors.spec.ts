import fs from 'node:fs';
import { Logger } from 'nestjs-pino';
import { loggedError } from '../src/common/logged-error';
import { useTestContext } from './test-app';

/** Everything the process writes while `run` runs: the request log (pino, on fd 1) and Nest's own lines. */
async function logsDuring(run: () => Promise<void>): Promise<string> {
  const written: string[] = [];
  const record = (chunk: unknown) =>
    written.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (record(chunk), true)),
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (record(chunk), true)),
    jest.spyOn(fs, 'writeSync').mockImplementation((fd, chunk) => {
      record(chunk);
      return typeof chunk === 'string' ? Buffer.byteLength(chunk) : (chunk as Buffer).length;
    }),
    jest.spyOn(fs, 'write').mockImplementation(((fd: number, chunk: unknown, ...rest: unknown[]) => {
      record(chunk);
      const done = rest.find((arg) => typeof arg === 'function') as (e: null, n: number) => void;
      const length = typeof chunk === 'string' ? Buffer.byteLength(chunk) : (chunk as Buffer).length;
      setImmediate(() => done(null, length));
    }) as typeof fs.write),
  ];
  try {
    await run();
    // The request log's stream writes on a later tick.
    await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    spies.forEach((spy) => spy.mockRestore());
  }
  return written.join('');
}

describe('input errors', () => {
  // The request log on, and Nest's lines through pino, as main.ts sets them up.
  const ctx = useTestContext({ LOG_LEVEL: 'info' });
  const clinic = ctx.clinic();
  let searches: string[] = [];

  beforeAll(async () => {
    ctx.app.useLogger(ctx.app.get(Logger));
    const document = (await ctx.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    // Every list with a search box, from the OpenAPI document: one added later is covered too.
    searches = Object.entries(document.paths)
      .filter(
        ([path, methods]) =>
          !path.includes('{') && methods.get?.parameters?.some((p) => p.in === 'query' && p.name === 'q'),
      )
      .map(([path]) => path);
  });

  it('should find the search boxes of the patients, locations, deliveries and templates', () => {
    expect(searches).toEqual(
      expect.arrayContaining(['/api/patients', '/api/locations', '/api/deliveries', '/api/templates']),
    );
  });

  it('should answer 400 naming query.q to a NUL byte or a control character in any search box, and log no search text', async () => {
    const logs = await logsDuring(async () => {
      for (const path of searches) {
        for (const q of ['Dupontnul\u0000Lea', 'Dupontline\nLea']) {
          const res = await ctx.as(clinic).get(`${path}?q=${encodeURIComponent(q)}`);
          expect({ path, status: res.status, body: res.body }).toEqual({
            path,
            status: 400,
            body: expect.objectContaining({
              statusCode: 400,
              errors: expect.arrayContaining([
                { path: 'query.q', message: 'must not contain control characters' },
              ]),
            }),
          });
        }
      }
    });
    expect(logs).toContain('/api/patients'); // the log was captured: its absence of values below means something
    expect(logs).not.toMatch(/Dupont/);
  });

  it.each([
    { title: 'an operator in node data', data: { $whereDupont: 1 }, path: 'body.nodes.0.data.$whereDupont' },
    { title: 'a dotted name in node data', data: { 'Dupont.Lea': 1 }, path: 'body.nodes.0.data.Dupont.Lea' },
    { title: 'a NUL byte in a name', data: { 'Dupont\u0000': 1 }, path: 'body.nodes.0.data.Dupont\u0000' },
  ])(
    'should answer 400 naming the field to a flow with $title, and log none of its body',
    async ({ data, path }) => {
      const flow = {
        name: 'Rappel Dupont',
        nodes: [{ id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, data }],
        edges: [{ id: 'e1', source: 'trigger', target: 'nowhere' }],
      };
      let body: unknown;
      const logs = await logsDuring(async () => {
        const res = await ctx.as(clinic).post('/api/flows', flow).expect(400);
        body = res.body;
      });
      expect(body).toMatchObject({ statusCode: 400, errors: [{ path }] });
      expect(logs).toContain('/api/flows');
      expect(logs).not.toMatch(/Dupont/);
    },
  );

  it('should answer 400 to the body schemathesis found (an empty name in the settings), not 500', async () => {
    // the fuzzer's case, as it sent it: FerretDB refuses a document with an empty field name
    const res = await ctx
      .as(clinic)
      .post('/api/flows', {
        settings: { '': [[false], [], {}], òü: [[null, 1000000000000000000, '¢¸¶à'], [null]] },
        name: '\u0018k\ud839\udc38',
      })
      .expect(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'body.settings.' })]),
    );
  });

  it('should save a flow whose edges end nowhere as an invalid draft, not fail', async () => {
    const flow = {
      name: 'Loose ends',
      nodes: [{ id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, data: {} }],
      edges: [{ id: 'e1', source: 'ghost', target: 'nowhere', sourceHandle: '__proto__' }],
    };
    const res = await ctx.as(clinic).post('/api/flows', flow).expect(201);
    expect(res.body).toMatchObject({ valid: false });
  });

  it('should log an unexpected error by its class, code and frames, never its message', () => {
    const error = Object.assign(new Error('key Dupont must not contain null bytes'), {
      name: 'BSONError',
      code: 11000,
    });
    const line = loggedError(error);
    expect(line).toMatch(/^BSONError \(code 11000\): message withheld/);
    expect(line).toContain('input-errors.spec.ts');
    expect(line).not.toContain('Dupont');
  });
});
