import net from 'node:net';

/** MLLP's frame: VT, the message, FS CR. */
const START = '\x0b';
const END = '\x1c\r';

/**
 * Sends one HL7 v2 message (segments joined by CR) to an MLLP listener on the loopback, as a practice
 * system would, and answers its acknowledgement's text.
 */
export function sendMllp(port: number, message: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write(`${START}${message}${END}`));
    let answer = '';
    socket.setEncoding('utf8');
    socket.setTimeout(15_000, () => socket.destroy(new Error(`no acknowledgement from port ${port}`)));
    socket.on('data', (chunk: string) => {
      answer += chunk;
      const end = answer.indexOf(END);
      if (end >= 0) {
        socket.end();
        resolve(answer.slice(answer.indexOf(START) + 1, end));
      }
    });
    socket.on('error', reject);
  });
}
