import http, { type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { ManualClock } from '../clock';
import { InvalidCallbackError, type ProviderCallback } from '../provider';
import { TwilioProvider, voiceTwiml } from './twilio-provider';
import { computeTwilioSignature, verifyTwilioSignature } from './twilio-signature';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'twilio-auth-token';
const INBOUND_URL = 'https://clinic.example/webhooks/twilio/inbound';

interface Request {
  method: string;
  path: string;
  auth: string | undefined;
  form: Record<string, string>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => resolve(body));
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A local server speaking Twilio's Messages and Calls endpoints, with its error codes. */
function twilioLikeServer(requests: Request[], callbacks: ProviderCallback[]) {
  let counter = 0;
  return http.createServer(async (request, response) => {
    const form = Object.fromEntries(new URLSearchParams(await readBody(request)));
    const path = request.url ?? '';
    requests.push({ method: request.method ?? '', path, auth: request.headers.authorization, form });
    const answer = (status: number, body: object) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const expected = `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`;
    if (request.headers.authorization !== expected) {
      return answer(401, { code: 20003, message: 'Authenticate', status: 401 });
    }
    if (path === `/2010-04-01/Accounts/${SID}.json`) return answer(200, { sid: SID, status: 'active' });
    const lookup = /\/(Messages|Calls)\/(\w+)\.json$/.exec(path);
    if (request.method === 'GET' && lookup) {
      return lookup[2].endsWith('0')
        ? answer(404, { code: 20404 })
        : answer(200, { sid: lookup[2], status: 'delivered' });
    }
    if (form.To === '+33600000001')
      return answer(400, { code: 21211, message: "The 'To' number is not valid.", status: 400 });
    if (form.To === '+33600000002')
      return answer(400, { code: 21610, message: 'Attempt to send to unsubscribed recipient', status: 400 });
    if (form.To === '+33600000004')
      return answer(429, { code: 20429, message: 'Too Many Requests', status: 429 });
    if (form.To === '+33600000005') return answer(503, { message: 'Service Unavailable' });
    if (form.To === '+33600000006') return; // never answers
    const sid = `${path.endsWith('Calls.json') ? 'CA' : 'SM'}${String(++counter).padStart(32, '1')}`;
    answer(201, { sid, status: 'queued', to: form.To });
    if (form.To === '+33600000003' && form.StatusCallback) {
      // The handset is unreachable: Twilio posts a signed status callback with error 30003.
      const params = { MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '30003', AccountSid: SID };
      const signature = twilio.getExpectedTwilioSignature(TOKEN, form.StatusCallback, params);
      const callback = await fetch(form.StatusCallback, {
        method: 'POST',
        headers: { 'X-Twilio-Signature': signature, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
      });
      await callback.text();
    }
    void callbacks;
  });
}

describe(TwilioProvider.name, () => {
  const requests: Request[] = [];
  const callbacks: ProviderCallback[] = [];
  let api: Server;
  let receiver: Server;
  let baseUrl: string;
  let callbackUrl = '';
  const clock = new ManualClock(new Date('2026-12-02T09:00:00Z'));

  beforeAll(async () => {
    api = twilioLikeServer(requests, callbacks);
    baseUrl = await listen(api);
    receiver = http.createServer(async (request, response) => {
      const body = Object.fromEntries(new URLSearchParams(await readBody(request)));
      callbacks.push({
        body,
        headers: request.headers as ProviderCallback['headers'],
        url: `${callbackUrl}`,
      });
      response.end('<Response/>');
    });
    callbackUrl = `${await listen(receiver)}/webhooks/twilio/status`;
  });

  afterAll(async () => {
    api.closeAllConnections();
    await new Promise((resolve) => api.close(resolve));
    await new Promise((resolve) => receiver.close(resolve));
  });

  const provider = (options: Partial<ConstructorParameters<typeof TwilioProvider>[0]> = {}) =>
    new TwilioProvider({
      accountSid: SID,
      authToken: TOKEN,
      baseUrl,
      defaultFrom: 'Cabinet',
      callerId: '+33142685300',
      statusCallbackUrl: callbackUrl,
      clock,
      timeoutMs: 1000,
      ...options,
    });

  it('posts an SMS with basic auth, form fields, status callback and validity period', async () => {
    const outcome = await provider().send(
      {
        channel: 'sms',
        to: '+33612345678',
        text: 'Bonjour Léa, RDV jeudi 3 décembre à 09:30.',
        expiresAt: new Date('2026-12-02T11:00:00Z'),
      },
      'k1',
    );
    expect(outcome).toEqual({ accepted: true, providerMessageId: expect.stringMatching(/^SM/) });
    expect(requests.at(-1)).toEqual({
      method: 'POST',
      path: `/2010-04-01/Accounts/${SID}/Messages.json`,
      auth: `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`,
      form: {
        To: '+33612345678',
        From: 'Cabinet',
        Body: 'Bonjour Léa, RDV jeudi 3 décembre à 09:30.',
        StatusCallback: callbackUrl,
        ValidityPeriod: '7200',
      },
    });
  });

  it('uses a messaging service when there is no sender, and caps the validity period', async () => {
    await provider({ defaultFrom: undefined, messagingServiceSid: 'MG1' }).send(
      { channel: 'sms', to: '+33612345678', text: 'x', expiresAt: new Date('2026-12-10T00:00:00Z') },
      'k',
    );
    expect(requests.at(-1)?.form).toMatchObject({ MessagingServiceSid: 'MG1', ValidityPeriod: '36000' });
  });

  it('places a voice call that says the script in the patient language', async () => {
    const outcome = await provider().send(
      {
        channel: 'voice',
        to: '+33142685399',
        text: 'Bonjour Léa & Jo. Votre rendez-vous est jeudi.',
        speechLanguage: 'fr-FR',
      },
      'k2',
    );
    expect(outcome).toEqual({ accepted: true, providerMessageId: expect.stringMatching(/^CA/) });
    expect(requests.at(-1)).toMatchObject({
      path: `/2010-04-01/Accounts/${SID}/Calls.json`,
      form: {
        To: '+33142685399',
        From: '+33142685300',
        Twiml:
          '<Response><Say language="fr-FR">Bonjour Léa &amp; Jo. Votre rendez-vous est jeudi.</Say></Response>',
        StatusCallback: callbackUrl,
        StatusCallbackEvent: 'completed',
      },
    });
  });

  it('places a question’s call that gathers one key and posts it to the keypress URL', async () => {
    const keypressUrl = 'https://clinic.example.com/api/providers/c1/twilio/keypress?a=1&b=2';
    const outcome = await provider({ keypressUrl }).send(
      {
        channel: 'voice',
        to: '+33612345678',
        text: 'Votre RDV est jeudi. Tapez 1 pour confirmer, 2 pour annuler.',
        speechLanguage: 'fr-FR',
        expectsReply: true,
      },
      'k-ask',
    );
    expect(outcome).toEqual({ accepted: true, providerMessageId: expect.stringMatching(/^CA/) });
    expect(requests.at(-1)?.form.Twiml).toBe(
      '<Response><Gather numDigits="1" action="https://clinic.example.com/api/providers/c1/twilio/keypress?a=1&amp;b=2" method="POST" timeout="10">' +
        '<Say language="fr-FR">Votre RDV est jeudi. Tapez 1 pour confirmer, 2 pour annuler.</Say></Gather></Response>',
    );
  });

  it('refuses a question’s call it could not hear the answer of, without calling the API', async () => {
    const before = requests.length;
    const outcome = await provider().send(
      { channel: 'voice', to: '+33612345678', text: 'Tapez 1.', expectsReply: true },
      'k-ask-2',
    );
    expect(outcome).toMatchObject({ accepted: false, kind: 'final', code: 'no-keypress-url' });
    expect(requests.length).toBe(before);
  });

  it.each([
    { to: '+33600000001', kind: 'final', code: '21211', reason: /not valid/ },
    { to: '+33600000002', kind: 'final', code: '21610', reason: /replied STOP/ },
    { to: '+33600000004', kind: 'retryable', code: '20429', reason: /throttling/ },
    { to: '+33600000005', kind: 'retryable', code: '503', reason: /unavailable.*HTTP 503/ },
    { to: '+33600000006', kind: 'retryable', code: 'timeout', reason: /did not answer in time/ },
  ])('classifies the answer for $to as $kind $code', async ({ to, kind, code, reason }) => {
    expect(await provider().send({ channel: 'sms', to, text: 'x' }, 'k')).toEqual({
      accepted: false,
      kind,
      code,
      reason: expect.stringMatching(reason),
    });
  });

  it('treats bad credentials as final', async () => {
    const sut = provider({ authToken: 'wrong' });
    expect(await sut.send({ channel: 'sms', to: '+33612345678', text: 'x' }, 'k')).toMatchObject({
      kind: 'final',
      code: '20003',
      reason: /credentials/,
    });
    expect(await sut.testConnection()).toEqual({
      ok: false,
      failure: 'refused',
      reason: expect.stringMatching(/credentials/),
    });
    expect(await provider().testConnection()).toEqual({ ok: true });
  });

  it('treats an unreachable API as retryable', async () => {
    const sut = provider({ baseUrl: 'http://127.0.0.1:1' });
    expect(await sut.send({ channel: 'sms', to: '+33612345678', text: 'x' }, 'k')).toMatchObject({
      kind: 'retryable',
      code: 'connection',
    });
    expect(await sut.testConnection()).toMatchObject({ ok: false });
  });

  it('refuses to send past the expiry without calling the API', async () => {
    const before = requests.length;
    expect(
      await provider().send(
        { channel: 'sms', to: '+33612345678', text: 'x', expiresAt: new Date('2026-12-02T08:00:00Z') },
        'k',
      ),
    ).toMatchObject({ code: 'expired' });
    expect(requests.length).toBe(before);
  });

  it('receives a signed status callback for an unreachable handset (30003) as undelivered', async () => {
    const sut = provider();
    const outcome = await sut.send({ channel: 'sms', to: '+33600000003', text: 'x' }, 'k3');
    const id = outcome.accepted ? outcome.providerMessageId : '';
    const arrived = () => callbacks.find((c) => (c.body as Record<string, string>).MessageSid === id);
    for (let waited = 0; !arrived() && waited < 3000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const callback = arrived() as ProviderCallback;
    expect(sut.parseStatus(callback)).toEqual({
      providerMessageId: id,
      status: 'undelivered',
      at: clock.now(),
      errorCode: '30003',
      reason: expect.stringMatching(/unreachable/),
    });
    expect(() => provider({ authToken: 'other' }).parseStatus(callback)).toThrow(InvalidCallbackError);
  });

  const signed = (body: Record<string, string>, url = callbackUrl): ProviderCallback => ({
    body,
    url,
    headers: { 'x-twilio-signature': computeTwilioSignature(TOKEN, url, body) },
  });

  it.each([
    { body: { MessageSid: 'SM1', MessageStatus: 'delivered' }, status: 'delivered' },
    { body: { MessageSid: 'SM1', MessageStatus: 'sent' }, status: 'sent' },
    { body: { MessageSid: 'SM1', MessageStatus: 'failed', ErrorCode: '30007' }, status: 'failed' },
    { body: { MessageSid: 'SM1', MessageStatus: 'failed', ErrorCode: '30036' }, status: 'expired' },
    { body: { MessageSid: 'SM1', MessageStatus: 'undelivered', ErrorCode: '39999' }, status: 'undelivered' },
    {
      body: { CallSid: 'CA1', CallStatus: 'completed', Timestamp: 'Wed, 02 Dec 2026 09:05:00 +0000' },
      status: 'delivered',
    },
    { body: { CallSid: 'CA1', CallStatus: 'no-answer' }, status: 'undelivered' },
    { body: { MessageSid: 'SM1', MessageStatus: 'queued' }, status: null },
    { body: { Foo: 'bar' }, status: null },
  ])('maps the callback $body to $status', ({ body, status }) => {
    const report = provider().parseStatus(signed(body as unknown as Record<string, string>));
    expect(report?.status ?? null).toBe(status);
  });

  it('reads a signed inbound reply', () => {
    const body = {
      MessageSid: 'SM9',
      From: '+33612345678',
      To: '+33700000000',
      Body: 'C',
      SmsStatus: 'received',
    };
    expect(provider().parseInbound(signed(body))).toEqual({
      from: '+33612345678',
      to: '+33700000000',
      text: 'C',
      at: clock.now(),
      providerMessageId: 'SM9',
    });
    expect(
      provider().parseInbound(signed({ MessageSid: 'SM1', MessageStatus: 'sent', From: 'x', Body: '' })),
    ).toBeNull();
  });

  describe('WhatsApp', () => {
    const whatsapp = () => provider({ defaultFrom: '+14155238886' });

    it('posts a free text between whatsapp: numbers on the Messages API', async () => {
      const outcome = await whatsapp().send(
        { channel: 'whatsapp', to: '+33612345678', text: 'Bonjour Léa, à jeudi 09:30.' },
        'w1',
      );
      expect(outcome).toEqual({ accepted: true, providerMessageId: expect.stringMatching(/^SM/) });
      expect(requests.at(-1)).toMatchObject({
        path: `/2010-04-01/Accounts/${SID}/Messages.json`,
        form: {
          To: 'whatsapp:+33612345678',
          From: 'whatsapp:+14155238886',
          Body: 'Bonjour Léa, à jeudi 09:30.',
        },
      });
    });

    it('posts an approved template by its Content SID with its variables, and no free text', async () => {
      await whatsapp().send(
        {
          channel: 'whatsapp',
          to: '+33612345678',
          text: 'Bonjour Léa, à jeudi 09:30.',
          whatsappTemplate: {
            contentSid: 'HX0123456789abcdef0123456789abcdef',
            variables: { '1': 'Léa', '2': 'jeudi 09:30' },
          },
        },
        'w2',
      );
      const { form } = requests.at(-1)!;
      expect(form).toMatchObject({
        To: 'whatsapp:+33612345678',
        ContentSid: 'HX0123456789abcdef0123456789abcdef',
      });
      expect(JSON.parse(form.ContentVariables)).toEqual({ '1': 'Léa', '2': 'jeudi 09:30' });
      expect(form.Body).toBeUndefined();
    });

    it('reads a read receipt as read, above delivered', () => {
      const body = { MessageSid: 'SM5', MessageStatus: 'read', To: 'whatsapp:+33612345678', AccountSid: SID };
      expect(whatsapp().parseStatus(signed(body))).toEqual({
        providerMessageId: 'SM5',
        status: 'read',
        at: clock.now(),
      });
    });

    it('reads a WhatsApp reply as one, its numbers without the prefix', () => {
      const body = {
        MessageSid: 'SM8',
        From: 'whatsapp:+33612345678',
        To: 'whatsapp:+14155238886',
        Body: 'Oui',
      };
      expect(whatsapp().parseInbound(signed(body))).toEqual({
        from: '+33612345678',
        to: '+14155238886',
        text: 'Oui',
        at: clock.now(),
        providerMessageId: 'SM8',
        channel: 'whatsapp',
      });
    });

    it('words WhatsApp’s refusal of a free text outside the 24-hour window as final', async () => {
      const { classifyTwilioError } = await import('./twilio-errors');
      expect(classifyTwilioError(400, 63016, undefined)).toMatchObject({
        kind: 'final',
        code: '63016',
        reason: expect.stringContaining('approved template'),
      });
    });
  });

  it('reads the key a patient pressed on a call the clinic placed, as an answer to that call', () => {
    const body = {
      CallSid: 'CA7',
      Digits: '2',
      From: '+33142685300',
      To: '+33612345678',
      Direction: 'outbound-api',
      msg: 'Gather End',
    };
    expect(provider().parseInbound(signed(body))).toEqual({
      from: '+33612345678',
      to: '+33142685300',
      text: '2',
      at: clock.now(),
      providerMessageId: 'CA7:keypress',
      inReplyTo: ['CA7'],
    });
    expect(provider().parseInbound(signed({ ...body, Digits: '' }))).toBeNull();
  });

  it.each([
    { title: 'no URL', callback: { body: {} } },
    { title: 'no signature', callback: { body: {}, url: INBOUND_URL } },
    {
      title: 'a tampered field',
      callback: {
        ...signed({ From: '+33612345678', Body: 'C' }, INBOUND_URL),
        body: { From: '+33612345678', Body: 'N' },
      },
    },
  ])('rejects an inbound callback with $title', ({ callback }) => {
    expect(() => provider().parseInbound(callback)).toThrow(InvalidCallbackError);
  });

  it('looks a message up by its SID, and cannot by our key', async () => {
    const sut = provider();
    expect(await sut.lookup({ providerMessageId: 'SM123' })).toEqual({
      providerMessageId: 'SM123',
      status: 'delivered',
    });
    expect(await sut.lookup({ providerMessageId: 'CA120' })).toBeNull();
    expect(await sut.lookup({ idempotencyKey: 'k1' })).toBeNull();
    await sut.close();
  });

  it('escapes the speech language too', () => {
    expect(voiceTwiml('a')).toBe('<Response><Say language="en-GB">a</Say></Response>');
  });
});

describe(verifyTwilioSignature.name, () => {
  const params = { MessageSid: 'SM1', Body: "Oui c'est ça ✓", To: '+33612345678', Multi: ['b', 'a', 'b'] };

  it('refuses everything without an auth token (fail closed), even a signature made with an empty one', () => {
    const url = 'https://clinic.example/hook';
    expect(verifyTwilioSignature('', computeTwilioSignature('', url, params), url, params)).toBe(false);
  });
  const urls = [
    'https://clinic.example/webhooks/twilio?clinic=42',
    'https://clinic.example:443/webhooks/twilio',
    'http://clinic.example:8080/hooks?name=O%27Brien&x=1',
    "https://clinic.example/hooks?name=O'Brien",
  ];

  it.each(urls)('agrees with the twilio package on %s', (url) => {
    const signature = computeTwilioSignature(TOKEN, url, params);
    expect(signature).toBe(twilio.getExpectedTwilioSignature(TOKEN, url, params));
    expect(verifyTwilioSignature(TOKEN, signature, url, params)).toBe(true);
    expect(twilio.validateRequest(TOKEN, signature, url, params)).toBe(true);
    for (const [label, token, header, target, fields] of [
      ['another token', 'other', signature, url, params],
      ['another URL', TOKEN, signature, `${url}&y=2`, params],
      ['another field', TOKEN, signature, url, { ...params, Body: 'Non' }],
      ['no header', TOKEN, '', url, params],
    ] as const) {
      expect([label, verifyTwilioSignature(token, header, target, fields)]).toEqual([
        label,
        twilio.validateRequest(token, header, target, fields),
      ]);
    }
  });

  it.each([
    ['https://clinic.example/hook', 'https://clinic.example:443/hook'],
    ['https://clinic.example:443/hook', 'https://clinic.example/hook'],
    ['http://clinic.example/hook', 'http://clinic.example:80/hook'],
  ])('accepts a signature made for %s on %s, like the twilio package', (signedUrl, receivedUrl) => {
    const signature = computeTwilioSignature(TOKEN, signedUrl, params);
    expect(verifyTwilioSignature(TOKEN, signature, receivedUrl, params)).toBe(
      twilio.validateRequest(TOKEN, signature, receivedUrl, params),
    );
    expect(verifyTwilioSignature(TOKEN, signature, receivedUrl, params)).toBe(true);
  });

  it('accepts a signature made on the normalised URL, like the twilio package', () => {
    const received = "https://clinic.example/hooks?name=O'Brien";
    const signature = computeTwilioSignature(TOKEN, 'https://clinic.example/hooks?name=O%27Brien', params);
    expect(verifyTwilioSignature(TOKEN, signature, received, params)).toBe(true);
    expect(twilio.validateRequest(TOKEN, signature, received, params)).toBe(true);
  });

  it('rejects a URL that cannot be read', () => {
    expect(verifyTwilioSignature(TOKEN, 'x', 'not a url', params)).toBe(false);
  });
});
