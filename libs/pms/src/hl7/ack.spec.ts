import { Hl7Message } from '@medplum/core';
import { ackOf, readAck } from './ack';
import { siuMessage } from './samples';

const message = Hl7Message.parse(
  siuMessage({
    trigger: 'S12',
    controlId: 'MSG-7',
    facility: 'CAB_PARC',
    charset: '8859/1',
    appointment: { id: 'A1' },
  }),
);

describe('ackOf', () => {
  it('should accept with the control id, sender and receiver swapped, in the same set', () => {
    const ack = ackOf(message, 'AA');
    const msh = ack.getSegment('MSH')!;
    expect([msh.getField(3).toString(), msh.getField(4).toString(), msh.getField(5).toString()]).toEqual([
      'CLINICFLOW',
      'CLINICFLOW',
      'PMS',
    ]);
    expect(msh.getField(6).toString()).toBe('CAB_PARC');
    expect(msh.getField(9).toString()).toBe('ACK^S12^ACK');
    expect(msh.getField(18).toString()).toBe('8859/1');
    expect(ack.getSegment('MSA')!.toString()).toBe('MSA|AA|MSG-7|OK');
    expect(ack.getSegment('ERR')).toBeUndefined();
  });

  it('should say the reason of an error in MSA-3 and ERR-8, escaped', () => {
    const ack = ackOf(message, 'AE', 'SCH: missing | really');
    expect(ack.getSegment('MSA')!.toString()).toBe('MSA|AE|MSG-7|SCH: missing \\F\\ really');
    expect(ack.getSegment('ERR')!.getField(8).toString()).toBe('SCH: missing \\F\\ really');
    expect(ack.getSegment('ERR')!.getField(3).toString()).toBe('207^Application internal error^HL70357');
  });

  it('should reject with the unsupported-type code', () => {
    expect(ackOf(message, 'AR', 'no').getSegment('ERR')!.getField(3).toString()).toBe(
      '200^Unsupported message type^HL70357',
    );
  });
});

describe('readAck', () => {
  it('should read the code and text of an ACK', () => {
    expect(readAck(ackOf(message, 'AE', 'SCH: missing').toString())).toEqual({
      code: 'AE',
      text: 'SCH: missing',
    });
  });

  it.each(['hello', 'MSH|^~\\&|A|B|C|D|2026||ACK|1|P|2.5.1'])('should answer null for %p', (text) => {
    expect(readAck(text)).toBeNull();
  });
});
