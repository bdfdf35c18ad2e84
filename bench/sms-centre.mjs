// The SMS centre of `npm run chaos` (bench/chaos.mjs): an SMPP server that can be stopped and started again.
import { api } from './bench-api.mjs';

/**
 * The SMS centre: a real SMPP server (the smpp package) that counts every submit by its text and deduplicates
 * nothing; `stop` closes it and its sessions, `start` listens again on the same port.
 */
export async function startSmsc(port) {
  const smpp = api('smpp');
  const submits = new Map();
  let server = null;
  const sessions = [];
  let counter = 0;
  const start = async () => {
    server = smpp.createServer({}, (session) => {
      sessions.push(session);
      session.on('error', () => undefined);
      session.on('bind_transceiver', (pdu) => session.send(pdu.response()));
      session.on('enquire_link', (pdu) => session.send(pdu.response()));
      session.on('query_sm', (pdu) =>
        session.send(pdu.response({ command_status: smpp.errors.ESME_RQUERYFAIL })),
      );
      session.on('unbind', (pdu) => {
        session.send(pdu.response());
        session.close();
      });
      session.on('submit_sm', (pdu) => {
        const message = pdu.short_message;
        const text = typeof message === 'string' ? message : String(message?.message ?? message);
        submits.set(text, (submits.get(text) ?? 0) + 1);
        session.send(pdu.response({ message_id: `msg-${++counter}` }));
      });
    });
    await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  };
  const stop = async () => {
    for (const session of sessions.splice(0)) session.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  await start();
  return { port, submits, start, stop };
}
