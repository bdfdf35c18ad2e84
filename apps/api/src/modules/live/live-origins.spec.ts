import { liveOriginAllowed } from './live-origins';

describe(liveOriginAllowed.name, () => {
  it.each([
    { title: 'no Origin (not a browser)', origin: undefined, host: 'api.example', allowed: {}, ok: true },
    {
      title: 'the page this API served (no PUBLIC_URL)',
      origin: 'http://192.168.1.20:3000',
      host: '192.168.1.20:3000',
      allowed: {},
      ok: true,
    },
    {
      title: 'the same page with the default port written out',
      origin: 'https://clinic.example',
      host: 'clinic.example:443',
      allowed: {},
      ok: true,
    },
    { title: 'another site', origin: 'https://evil.example', host: 'clinic.example', allowed: {}, ok: false },
    { title: 'a sandboxed page (null)', origin: 'null', host: 'clinic.example', allowed: {}, ok: false },
    {
      title: 'PUBLIC_URL’s origin',
      origin: 'https://clinic.example',
      host: 'internal:3000',
      allowed: { publicUrl: 'https://clinic.example/' },
      ok: true,
    },
    {
      title: 'another origin than PUBLIC_URL, even served by this API',
      origin: 'http://internal:3000',
      host: 'internal:3000',
      allowed: { publicUrl: 'https://clinic.example' },
      ok: false,
    },
    {
      title: 'localhost in development',
      origin: 'http://localhost:5173',
      host: 'localhost:3000',
      allowed: { nodeEnv: 'development' },
      ok: true,
    },
    {
      title: 'localhost in production',
      origin: 'http://localhost:5173',
      host: 'clinic.example',
      allowed: { nodeEnv: 'production' },
      ok: false,
    },
    {
      title: 'a lookalike of localhost in test',
      origin: 'http://localhost.evil.example',
      host: 'localhost:3000',
      allowed: { nodeEnv: 'test' },
      ok: false,
    },
  ])('should decide $title', ({ origin, host, allowed, ok }) => {
    expect(liveOriginAllowed(origin, host, allowed)).toBe(ok);
  });
});
