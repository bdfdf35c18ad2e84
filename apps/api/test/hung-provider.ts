// A provider that hangs: a TCP server that accepts every connection, reads the HTTP request on it, and never
// answers (issue 18, "a hung provider of one clinic does not hold back another's").
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** One request the hung provider received: its form fields, and whether the caller gave up on it yet. */
export interface HungRequest {
  form: URLSearchParams;
  open: boolean;
}

export interface HungProvider {
  baseUrl: string;
  /** Every complete request received, in order. */
  requests: HungRequest[];
  /** Requests received whose connection the caller has not closed: still waiting for an answer. */
  waiting(): number;
  close(): Promise<void>;
}

/** Starts the hung provider on a loopback port. */
export async function startHungProvider(): Promise<HungProvider> {
  const requests: HungRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    let buffered = Buffer.alloc(0);
    let current: HungRequest | null = null;
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (current || end < 0) return;
      const head = buffered.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (buffered.length < end + 4 + length) return;
      current = {
        form: new URLSearchParams(buffered.subarray(end + 4, end + 4 + length).toString()),
        open: true,
      };
      requests.push(current);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      if (current) current.open = false;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    waiting: () => requests.filter((r) => r.open).length,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
