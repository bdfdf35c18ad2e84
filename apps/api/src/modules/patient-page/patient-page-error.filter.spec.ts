import type { ArgumentsHost } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { MongoServerSelectionError } from 'mongodb';
import { PatientPageErrorFilter } from './patient-page-error.filter';

/** What the filter answered: status, headers and the page. */
function answered(error: unknown, acceptLanguage: string) {
  const seen = { status: 0, headers: {} as Record<string, string>, type: '', body: '' };
  const response = {
    status: (code: number) => ((seen.status = code), response),
    type: (type: string) => ((seen.type = type), response),
    set: (name: string, value: string) => ((seen.headers[name] = value), response),
    setHeader: (name: string, value: string) => (seen.headers[name] = value),
    send: (body: string) => ((seen.body = body), response),
  };
  const request = { get: (name: string) => (name === 'accept-language' ? acceptLanguage : undefined) };
  const host = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }),
  } as unknown as ArgumentsHost;
  new PatientPageErrorFilter().catch(error, host);
  return seen;
}

describe(PatientPageErrorFilter.name, () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));

  it('answers the database away as a page in the browser language, 503 with Retry-After', () => {
    const away = new MongoServerSelectionError('Server selection timed out after 5000 ms', {} as never);
    const seen = answered(away, 'fr-FR,fr;q=0.9');
    expect(seen).toMatchObject({ status: 503, type: 'html' });
    expect(seen.headers['Retry-After']).toBe('5');
    expect(seen.headers['Cache-Control']).toContain('no-store');
    expect(seen.body).toContain('<html lang="fr">');
    expect(seen.body).toContain('Le service est momentanément indisponible.');
    expect(seen.body).not.toContain('statusCode');
  });

  it('answers too many taps and a bug as pages too, never as JSON', () => {
    expect(answered(new ThrottlerException(), 'de')).toMatchObject({
      status: 429,
      body: expect.stringContaining('Zu viele Versuche mit diesem Link.'),
    });
    expect(answered(new TypeError('x is undefined'), 'es')).toMatchObject({
      status: 500,
      body: expect.stringContaining('El servicio no está disponible en este momento.'),
    });
  });
});
