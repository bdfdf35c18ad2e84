import { computeTwilioSignature, signCallback } from '@clinicflow/channels';
import { Db } from 'mongodb';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { externalDocumentId } from '../src/common/ids';
import { SettingsRepository } from '../src/modules/settings/settings.repository';
import { forgetCallbackSecret, postSandboxCallback } from './sandbox-callback';
import { useTestContext } from './test-app';

const PUBLIC_URL = 'https://clinic.example.com';
const FORGED_STOP = { from: '+33612345603', to: '+33700000000', text: 'STOP' };

describe('provider callbacks are authenticated', () => {
  const ctx = useTestContext({ PUBLIC_URL });
  const clinic = ctx.clinic();
  const twilio = ctx.clinic();
  const replies = () => ctx.app.get(Db).collection('replies');

  beforeAll(async () => {
    await ctx
      .as(clinic)
      .put('/api/patients/by-external-id/P-603', {
        firstName: 'Léa',
        lastName: 'Martin',
        mobile: '+33612345603',
        consent: { sms: { granted: true, source: 'patient' } },
      })
      .expect(200);
    await ctx
      .as(twilio)
      .put('/api/settings', {
        testMode: false,
        providers: {
          sms: {
            kind: 'twilio',
            options: { accountSid: 'AC0123456789', baseUrl: 'http://127.0.0.1:9' },
            credentials: { authToken: 'twilio-auth-token' },
          },
        },
      })
      .expect(200);
  });

  const consent = async () =>
    (
      await ctx
        .as(clinic)
        .get(`/api/patients/${externalDocumentId('pat', clinic.clinicId, 'P-603')}`)
        .expect(200)
    ).body.consent.sms;

  it('should answer 403 to a forged sandbox STOP and change nothing, and take the same body signed', async () => {
    const before = await consent();
    expect(before).toMatchObject({ granted: true });

    const unsigned = await postSandboxCallback(ctx, clinic, 'inbound', FORGED_STOP, 'unsigned');
    expect(unsigned.status).toBe(403);
    const otherSecret = await postSandboxCallback(ctx, clinic, 'inbound', FORGED_STOP, { secret: 'guessed' });
    expect(otherSecret.status).toBe(403);
    const garbage = await postSandboxCallback(ctx, clinic, 'inbound', FORGED_STOP, { header: 'sha256=00' });
    expect(garbage.status).toBe(403);
    // Signed for another body: the signature is over the raw bytes.
    const replayed = await postSandboxCallback(ctx, clinic, 'inbound', FORGED_STOP, {
      header: signCallback((await ctx.as(clinic).get('/api/settings/callback-secret')).body.secret, '{}'),
    });
    expect(replayed.status).toBe(403);

    expect(await consent()).toEqual(before);
    expect((await ctx.as(clinic).get('/api/inbox').expect(200)).body.items).toEqual([]);
    expect(await replies().countDocuments({ clinicId: clinic.clinicId })).toBe(0);

    const signed = await postSandboxCallback(ctx, clinic, 'inbound', FORGED_STOP);
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ accepted: true, meaning: 'stop' });
    expect(await consent()).toMatchObject({ granted: false, source: 'patient-reply' });
  });

  it('should refuse an unsigned sandbox receipt', async () => {
    const receipt = { providerMessageId: 'sandbox-x-1', status: 'delivered' };
    expect((await postSandboxCallback(ctx, clinic, 'status', receipt, 'unsigned')).status).toBe(403);
    expect((await postSandboxCallback(ctx, clinic, 'status', receipt)).status).toBe(200);
  });

  it('should show the secret to managers only, and refuse the old one once regenerated', async () => {
    await ctx.as(clinic, clinic.staffToken).get('/api/settings/callback-secret').expect(403);
    await ctx.http().get('/api/settings/callback-secret').expect(401);
    const old = (await ctx.as(clinic).get('/api/settings/callback-secret').expect(200)).body.secret as string;
    expect(old).toMatch(/^[0-9a-f]{64}$/);
    const settings = await ctx.as(clinic).get('/api/settings').expect(200);
    expect(JSON.stringify(settings.body)).not.toContain(old);

    const fresh = (await ctx.as(clinic).post('/api/settings/callback-secret').expect(200)).body
      .secret as string;
    expect(fresh).not.toBe(old);
    forgetCallbackSecret(clinic);
    const hello = { from: '+33612345603', to: '+33700000000', text: 'Bonjour' };
    expect((await postSandboxCallback(ctx, clinic, 'inbound', hello, { secret: old })).status).toBe(403);
    expect((await postSandboxCallback(ctx, clinic, 'inbound', hello, { secret: fresh })).status).toBe(200);
  });

  it('should answer 403 to a Twilio-style callback without or with a wrong signature', async () => {
    const path = `/api/providers/${twilio.clinicId}/twilio/inbound`;
    const form = { MessageSid: 'SM-forged', From: '+33612345603', To: '+33700000000', Body: 'STOP' };
    await ctx.http().post(path).type('form').send(form).expect(403);
    await ctx
      .http()
      .post(path)
      .type('form')
      .set('X-Twilio-Signature', computeTwilioSignature('another-token', `${PUBLIC_URL}${path}`, form))
      .send(form)
      .expect(403);
    expect(await replies().countDocuments({ clinicId: twilio.clinicId })).toBe(0);
  });
});

describe('provider hosts are guarded', () => {
  // Only "localhost" is listed: 127.0.0.1 itself is not.
  const ctx = useTestContext({ CLINICFLOW_ALLOWED_PROVIDER_HOSTS: 'localhost' });
  const clinic = ctx.clinic();
  let peer: Server;
  let port: number;
  let requests = 0;
  const banner = `<html><body><h1>Internal admin console</h1>${'<p>secret-internal-banner</p>'.repeat(200)}</body></html>`;

  beforeAll(async () => {
    peer = createServer((_request, response) => {
      requests++;
      response.writeHead(500, { 'Content-Type': 'text/html' }).end(banner);
    });
    await new Promise<void>((resolve) => peer.listen(0, resolve));
    port = (peer.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => peer.close(resolve)));

  const twilioAt = (baseUrl: string) => ({
    testMode: false,
    providers: {
      sms: {
        kind: 'twilio',
        options: { accountSid: 'AC0123456789', baseUrl },
        credentials: { authToken: 'twilio-auth-token' },
      },
    },
  });

  it.each([
    ['loopback', () => `http://127.0.0.1:${port}`],
    ['the metadata address', () => 'http://169.254.169.254'],
    ['a private address', () => 'http://10.0.0.7:8080'],
    ['an IPv6 loopback', () => `http://[::1]:${port}`],
  ])('should refuse a baseUrl on %s with 400 naming the field', async (_title, baseUrl) => {
    const answer = await ctx.as(clinic).put('/api/settings', twilioAt(baseUrl())).expect(400);
    expect(answer.body.errors).toEqual([
      { path: 'body.providers.sms.options.baseUrl', message: expect.stringMatching(/not allowed/) },
    ]);
  });

  it('should refuse an SMTP host on loopback, naming the field', async () => {
    const answer = await ctx
      .as(clinic)
      .put('/api/settings', {
        providers: {
          email: {
            kind: 'smtp',
            options: { host: '127.0.0.1', port: 25, defaultFrom: 'rdv@cabinet.example' },
          },
        },
      })
      .expect(400);
    expect(answer.body.errors[0].path).toBe('body.providers.email.options.host');
  });

  it('should take a listed host, and test it without echoing what the peer answers', async () => {
    await ctx
      .as(clinic)
      .put('/api/settings', twilioAt(`http://localhost:${port}`))
      .expect(200);
    const test = await ctx.as(clinic).post('/api/settings/providers/sms/test').expect(200);
    expect(requests).toBeGreaterThan(0);
    expect(test.body).toEqual({ ok: false, result: 'refused', message: expect.any(String) });
    expect(JSON.stringify(test.body)).not.toMatch(/secret-internal-banner|Internal admin|<html/i);
  });

  it('should check the address again at connection time (a stored host that is not allowed)', async () => {
    // As if the name had resolved elsewhere at save time: the connection checks what it connects to.
    const settings = ctx.app.get(SettingsRepository);
    const stored = await settings.findForClinic(clinic.clinicId);
    await settings.replaceSections(clinic.clinicId, {
      providers: {
        ...stored!.providers,
        sms: {
          ...stored!.providers.sms!,
          options: { accountSid: 'AC0123456789', baseUrl: `http://127.0.0.1:${port}` },
        },
      },
    });
    const before = requests;
    const test = await ctx.as(clinic).post('/api/settings/providers/sms/test').expect(200);
    expect(test.body).toEqual({ ok: false, result: 'not-allowed', message: expect.any(String) });
    expect(requests).toBe(before);
  });
});
