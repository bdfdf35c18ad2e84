import {
  classifySmppStatus,
  concatenationOf,
  parseSmppInbound,
  parseSmppReceipt,
  smppMessageState,
  smppDestinationAddress,
  smppSourceAddress,
  submitSmFields,
} from './smpp-pdus';

const now = new Date('2026-12-02T09:00:00Z');
const receipt = (stat: string, err = '000') => ({
  esm_class: 0x04,
  short_message: {
    message: `id:abc123 sub:001 dlvrd:000 submit date:2612020855 done date:2612020857 stat:${stat} err:${err} text:Bonjour`,
  },
});

describe('parseSmppReceipt', () => {
  it.each([
    { stat: 'DELIVRD', status: 'delivered' },
    { stat: 'UNDELIV', status: 'undelivered', reason: /could not be delivered/ },
    { stat: 'EXPIRED', status: 'expired', reason: /expired/ },
    { stat: 'REJECTD', status: 'failed', reason: /rejected/ },
    { stat: 'DELETED', status: 'failed', reason: /deleted/ },
    { stat: 'UNKNOWN', status: 'failed', reason: /does not know/ },
    { stat: 'WEIRD', status: 'failed', reason: /reported "WEIRD"/ },
  ])('maps stat:$stat to $status', ({ stat, status, reason }) => {
    const report = parseSmppReceipt(receipt(stat), now);
    expect(report).toMatchObject({
      providerMessageId: 'abc123',
      status,
      at: new Date('2026-12-02T08:57:00Z'),
    });
    if (reason) expect(report?.reason).toMatch(reason);
    else expect(report?.reason).toBeUndefined();
  });

  it.each(['ACCEPTD', 'ENROUTE'])('ignores the intermediate stat:%s', (stat) => {
    expect(parseSmppReceipt(receipt(stat), now)).toBeNull();
  });

  it('keeps a non-zero error code', () => {
    expect(parseSmppReceipt(receipt('UNDELIV', '001'), now)).toMatchObject({ errorCode: '001' });
  });

  it('reads the receipt TLVs when present, with the current time when there is no done date', () => {
    const pdu = {
      esm_class: 0x04,
      receipted_message_id: 'tlv-1',
      message_state: 3,
      short_message: Buffer.from(''),
    };
    expect(parseSmppReceipt(pdu, now)).toMatchObject({
      providerMessageId: 'tlv-1',
      status: 'expired',
      at: now,
    });
  });

  it.each([
    { title: 'a reply', pdu: { esm_class: 0, short_message: { message: 'C' } } },
    { title: 'a receipt without id', pdu: { esm_class: 0x04, short_message: 'stat:DELIVRD' } },
  ])('gives null for $title', ({ pdu }) => {
    expect(parseSmppReceipt(pdu, now)).toBeNull();
  });
});

describe('parseSmppInbound', () => {
  it.each([
    {
      pdu: {
        source_addr: '33612345678',
        source_addr_ton: 1,
        destination_addr: '36111',
        dest_addr_ton: 0,
        short_message: { message: 'C' },
      },
      message: { from: '+33612345678', to: '36111', text: 'C', at: now },
    },
    {
      pdu: {
        source_addr: '0612345678',
        destination_addr: '33700000000',
        dest_addr_ton: 1,
        message_payload: { message: 'STOP' },
      },
      message: { from: '0612345678', to: '+33700000000', text: 'STOP', at: now },
    },
    {
      pdu: { source_addr: '1', short_message: Buffer.from('oui') },
      message: { from: '1', to: '', text: 'oui', at: now },
    },
    { pdu: { esm_class: 4, source_addr: '1' }, message: null },
    { pdu: {}, message: null },
  ])('reads $pdu', ({ pdu, message }) => {
    expect(parseSmppInbound(pdu, now)).toEqual(message);
  });
});

describe('classifySmppStatus', () => {
  it.each([
    { status: 0x58, kind: 'retryable', code: 'smpp-0x58' },
    { status: 0x14, kind: 'retryable', code: 'smpp-0x14' },
    { status: 0x08, kind: 'retryable', code: 'smpp-0x08' },
    { status: 0x0b, kind: 'final', code: 'smpp-0x0b' },
    { status: 0x0e, kind: 'final', code: 'smpp-0x0e' },
    { status: 0xff, kind: 'final', code: 'smpp-0xff' },
  ])('classifies 0x$status', ({ status, kind, code }) => {
    expect(classifySmppStatus(status)).toMatchObject({ accepted: false, kind, code });
  });
});

describe('smppMessageState', () => {
  it.each([
    [2, 'delivered'],
    [3, 'expired'],
    [5, 'undelivered'],
    [8, 'failed'],
    [1, 'accepted'],
    [6, 'accepted'],
    [42, 'failed'],
  ])('maps message_state %s to %s', (state, status) => {
    expect(smppMessageState(state)).toBe(status);
  });
});

describe('smppSourceAddress', () => {
  it.each([
    ['Cabinet', { addr: 'Cabinet', ton: 5, npi: 0 }],
    ['+33 7 00 00 00 00', { addr: '33700000000', ton: 1, npi: 1 }],
    ['36111', { addr: '36111', ton: 3, npi: 0 }],
    ['0033 7 00 00 00 00', { addr: '33700000000', ton: 1, npi: 1 }],
  ])('addresses %s', (sender, address) => {
    expect(smppSourceAddress(sender)).toEqual(address);
  });
});

describe('smppDestinationAddress', () => {
  it.each([
    ['+33612345678', { addr: '33612345678', ton: 1, npi: 1 }],
    ['36111', { addr: '36111', ton: 3, npi: 0 }],
    // Not normalised (the API always normalises): left to the SMS centre, never guessed as international.
    ['0612345678', { addr: '0612345678', ton: 0, npi: 1 }],
  ])('addresses %s', (number, address) => {
    expect(smppDestinationAddress(number)).toEqual(address);
  });
});

describe('submitSmFields', () => {
  it('never splits an extension character or emoji between parts', () => {
    const parts = submitSmFields(
      { channel: 'sms', to: '+33612345678', text: 'a'.repeat(152) + '€' + 'b'.repeat(10) },
      'Cabinet',
      7,
    );
    expect(parts.map((p) => (p.short_message as { message: string }).message)).toEqual([
      'a'.repeat(152),
      '€' + 'b'.repeat(10),
    ]);
    expect(parts.every((p) => p.data_coding === 0 && p.validity_period === undefined)).toBe(true);
  });
});

describe('concatenationOf', () => {
  it.each([
    { udh: [Buffer.from([0x00, 0x03, 0x2a, 3, 2])], info: { reference: 0x2a, total: 3, sequence: 2 } },
    {
      udh: [Buffer.from([0x08, 0x04, 0x01, 0x02, 3, 1])],
      info: { reference: 0x0102, total: 3, sequence: 1 },
    },
    { udh: [Buffer.from([0x24, 0x01, 0x02])], info: null },
    { udh: undefined, info: null },
  ])('reads $info', ({ udh, info }) => {
    expect(concatenationOf({ short_message: { udh, message: 'x' } })).toEqual(info);
  });
});
