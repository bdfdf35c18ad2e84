import { decodeHl7, encodeHl7 } from './charset';
import { siuMessage } from './samples';

const sample = (charset?: string) =>
  siuMessage({
    trigger: 'S12',
    controlId: '1',
    facility: 'F',
    charset,
    appointment: { id: 'A1' },
    patient: { id: 'P1', family: 'Ødegård', given: 'Bjørn' },
  });

describe('decodeHl7', () => {
  it.each([
    ['8859/1', 'latin1'],
    ['UNICODE UTF-8', 'utf8'],
    ['UTF-8', 'utf8'],
  ] as const)('should read a message declared %s', (charset, written) => {
    const text = sample(charset);
    expect(decodeHl7(Buffer.from(text, written))).toEqual({ text, charset: expect.any(String) });
  });

  it('should read UTF-8 when MSH-18 is empty', () => {
    const text = sample();
    expect(decodeHl7(Buffer.from(text, 'utf8'))).toEqual({ text, charset: 'utf-8' });
  });

  it('should read the same Latin-1 bytes wrongly without their declaration (what MSH-18 is for)', () => {
    const bytes = Buffer.from(sample(), 'latin1');
    expect('text' in decodeHl7(bytes) && decodeHl7(bytes)).not.toEqual(
      expect.objectContaining({ text: sample() }),
    );
  });

  it('should name a character set it does not read', () => {
    expect(decodeHl7(Buffer.from(sample('ISO IR87')))).toEqual({
      problem: 'MSH-18: the character set ISO IR87 is not one clinicflow reads',
    });
  });

  it('should answer in the same set', () => {
    expect(encodeHl7('Bjørn', 'iso-8859-1')).toEqual(Buffer.from('Bjørn', 'latin1'));
  });

  it('should read a message without a header as UTF-8 (the parse names what is wrong)', () => {
    expect(decodeHl7(Buffer.from('hello'))).toEqual({ text: 'hello', charset: 'utf-8' });
  });
});
