import { MllpDecoder, mllpFrame } from './mllp';

const a = Buffer.from('MSH|^~\\&|A\rSCH|1');
const b = Buffer.from('MSH|^~\\&|B\rPID|1');
const texts = (buffers: Buffer[]) => buffers.map((m) => m.toString());

describe('MllpDecoder', () => {
  it('should read two messages sent in one chunk', () => {
    const decoder = new MllpDecoder();
    expect(texts(decoder.push(Buffer.concat([mllpFrame(a), mllpFrame(b)])))).toEqual([
      a.toString(),
      b.toString(),
    ]);
  });

  it('should read a message sent one byte at a time', () => {
    const decoder = new MllpDecoder();
    const bytes = mllpFrame(a);
    const read = [...bytes].flatMap((byte) => decoder.push(Buffer.from([byte])));
    expect(texts(read)).toEqual([a.toString()]);
  });

  it('should read a message whose end block is split between chunks, then the next one', () => {
    const decoder = new MllpDecoder();
    const framed = Buffer.concat([mllpFrame(a), mllpFrame(b)]);
    const cut = mllpFrame(a).length - 1; // after FS, before CR
    expect(decoder.push(framed.subarray(0, cut))).toEqual([]);
    expect(texts(decoder.push(framed.subarray(cut)))).toEqual([a.toString(), b.toString()]);
  });

  it('should keep an FS that is not followed by CR as part of the message', () => {
    const decoder = new MllpDecoder();
    const odd = Buffer.concat([Buffer.from('MSH|x'), Buffer.from([0x1c]), Buffer.from('y')]);
    expect(decoder.push(mllpFrame(odd))).toEqual([odd]);
  });

  it('should keep an FS that ended a chunk when the next one does not start with CR', () => {
    const decoder = new MllpDecoder();
    expect(
      decoder.push(Buffer.concat([Buffer.from([0x0b]), Buffer.from('MSH|x'), Buffer.from([0x1c])])),
    ).toEqual([]);
    expect(texts(decoder.push(Buffer.concat([Buffer.from('y'), Buffer.from([0x1c, 0x0d])])))).toEqual([
      'MSH|x\u001cy',
    ]);
  });

  it('should drop bytes outside a frame (a keep-alive newline)', () => {
    const decoder = new MllpDecoder();
    expect(
      texts(decoder.push(Buffer.concat([Buffer.from('\r\n'), mllpFrame(a), Buffer.from('\n')]))),
    ).toEqual([a.toString()]);
  });

  it('should refuse a message over its limit instead of growing without bound', () => {
    const decoder = new MllpDecoder(10);
    expect(() => decoder.push(Buffer.concat([Buffer.from([0x0b]), Buffer.alloc(11, 0x41)]))).toThrow(
      'An HL7 message over 10 bytes',
    );
  });
});
