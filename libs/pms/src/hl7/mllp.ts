/** MLLP's start block (VT). */
export const MLLP_START = 0x0b;
/** MLLP's end block (FS), followed by a carriage return. */
export const MLLP_END = 0x1c;
const CR = 0x0d;

/** The largest message a connection may send (a SIU message is a few kilobytes). */
export const MAX_HL7_MESSAGE_BYTES = 1024 * 1024;

/** A message wrapped for MLLP: VT, the bytes, FS CR. */
export function mllpFrame(message: Buffer): Buffer {
  return Buffer.concat([Buffer.from([MLLP_START]), message, Buffer.from([MLLP_END, CR])]);
}

/**
 * Cuts the bytes of one MLLP connection into messages, whatever the TCP chunks: several messages in one chunk,
 * a message or its end block split across chunks. Bytes outside a frame (a keep-alive newline) are dropped; a
 * message over `maxBytes` throws (the connection is to be closed) instead of growing without bound.
 */
export class MllpDecoder {
  private parts: Buffer[] = [];
  private size = 0;
  private inFrame = false;
  /** The previous chunk ended on FS: a CR first in the next one ends the frame. */
  private pendingEnd = false;

  constructor(private readonly maxBytes = MAX_HL7_MESSAGE_BYTES) {}

  /** Takes the next bytes received; answers the messages they complete, in order, without their framing. */
  push(chunk: Buffer): Buffer[] {
    const messages: Buffer[] = [];
    let at = 0;
    if (this.pendingEnd) {
      this.pendingEnd = false;
      if (chunk[0] === CR) {
        messages.push(this.take());
        at = 1;
      } else this.keep(Buffer.from([MLLP_END]));
    }
    while (at < chunk.length) {
      if (!this.inFrame) {
        const start = chunk.indexOf(MLLP_START, at);
        if (start < 0) break;
        this.inFrame = true;
        at = start + 1;
        continue;
      }
      const end = chunk.indexOf(MLLP_END, at);
      if (end < 0) {
        this.keep(chunk.subarray(at));
        break;
      }
      this.keep(chunk.subarray(at, end));
      if (end + 1 === chunk.length) {
        this.pendingEnd = true;
        break;
      }
      if (chunk[end + 1] === CR) {
        messages.push(this.take());
        at = end + 2;
      } else {
        // an FS inside the message: not its end
        this.keep(chunk.subarray(end, end + 1));
        at = end + 1;
      }
    }
    return messages;
  }

  private keep(bytes: Buffer) {
    this.size += bytes.length;
    if (this.size > this.maxBytes) {
      this.parts = [];
      throw new Error(`An HL7 message over ${this.maxBytes} bytes`);
    }
    this.parts.push(bytes);
  }

  private take(): Buffer {
    const message = Buffer.concat(this.parts);
    this.parts = [];
    this.size = 0;
    this.inFrame = false;
    return message;
  }
}
