import type { AddressInfo } from 'node:net';
import * as smpp from 'smpp';

/** A real SMPP server playing the SMS centre that also lets a test send a patient's reply (deliver_sm). */
export interface ReplyingSmsc {
  port: number;
  submits: { to: string; text: string }[];
  /** Every submit_sm as received, with its addresses' TON and NPI (T4). */
  pdus: smpp.PDU[];
  /** The message_state a query_sm answers (1 ENROUTE by default, 2 DELIVERED, 5 UNDELIVERABLE). */
  queryState: number;
  /** Sends a mobile-originated message on every bound session; resolves when the client acknowledged it. */
  reply(from: string, to: string, text: string): Promise<void>;
  close(): Promise<void>;
}

/** Binds system id "clinic" with password "secret"; accepts every submit_sm. */
export async function startReplyingSmsc(): Promise<ReplyingSmsc> {
  let counter = 0;
  const sessions: smpp.Session[] = [];
  const submits: { to: string; text: string }[] = [];
  const pdus: smpp.PDU[] = [];
  const control = { queryState: 1 };
  const server = smpp.createServer({}, (session) => {
    session.on('error', () => undefined);
    session.on('bind_transceiver', (pdu: smpp.PDU) => {
      const ok = pdu.system_id === 'clinic' && pdu.password === 'secret';
      session.send(pdu.response(ok ? {} : { command_status: smpp.ESME_RINVPASWD }));
      if (ok) sessions.push(session);
    });
    session.on('enquire_link', (pdu: smpp.PDU) => session.send(pdu.response()));
    // Status refresh (S2) asks about sent messages: still on their way (ENROUTE) unless a test says otherwise.
    session.on('query_sm', (pdu: smpp.PDU) =>
      session.send(
        pdu.response({
          message_id: pdu.message_id,
          final_date: '',
          message_state: control.queryState,
          error_code: 0,
        }),
      ),
    );
    session.on('unbind', (pdu: smpp.PDU) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('submit_sm', (pdu: smpp.PDU) => {
      const message = pdu.short_message as { message?: string } | string | Buffer;
      const text =
        typeof message === 'string' ? message : String((message as { message?: string })?.message ?? message);
      submits.push({ to: String(pdu.destination_addr), text });
      pdus.push(pdu);
      session.send(pdu.response({ message_id: `msg-${++counter}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    submits,
    pdus,
    get queryState() {
      return control.queryState;
    },
    set queryState(state: number) {
      control.queryState = state;
    },
    reply: async (from, to, text) => {
      await Promise.all(
        sessions.map(
          (session) =>
            new Promise<void>((resolve) =>
              session.send(
                new smpp.PDU('deliver_sm', {
                  source_addr: from.replace(/^\+/, ''),
                  source_addr_ton: 1,
                  destination_addr: to.replace(/^\+/, ''),
                  dest_addr_ton: 1,
                  esm_class: 0,
                  short_message: text,
                }),
                () => resolve(),
              ),
            ),
        ),
      );
    },
    close: async () => {
      for (const session of sessions) session.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
