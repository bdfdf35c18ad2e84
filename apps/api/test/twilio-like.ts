import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server speaking Twilio's Messages and Calls endpoints: it keeps each message and call posted (their
 * form fields) and answers a SID; look-ups (GET) hear that a call is still going on and a message delivered.
 */
export async function startTwilioLike() {
  const calls: Record<string, string>[] = [];
  const messages: Record<string, string>[] = [];
  const server: Server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const call = /\/Calls(\/|\.json)/.test(request.url ?? '');
      response.writeHead(request.method === 'POST' ? 201 : 200, { 'Content-Type': 'application/json' });
      if (request.method !== 'POST')
        return response.end(JSON.stringify({ status: call ? 'in-progress' : 'delivered' }));
      const kept = call ? calls : messages;
      const sid = `${call ? 'CA' : 'SM'}${String(kept.push(Object.fromEntries(new URLSearchParams(body)))).padStart(32, '0')}`;
      response.end(JSON.stringify({ sid, status: 'queued' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { baseUrl, calls, messages, close: () => new Promise((resolve) => server.close(resolve)) };
}
