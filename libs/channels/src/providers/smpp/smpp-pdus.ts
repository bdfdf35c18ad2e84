import { checkSenderId } from '../../sms/sender-id';
import { measureSms } from '../../sms/sms-segments';
import {
  final,
  retryable,
  type DeliveryReport,
  type DeliveryStatus,
  type InboundMessage,
  type OutgoingMessage,
  type SendRefused,
} from '../provider';

/** SMPP type of number and numbering plan for an address. */
export interface SmppAddress {
  addr: string;
  ton: number;
  npi: number;
}

/** A national short code (a service number such as 36111): a few digits, no country code. */
const SHORT_CODE = /^[0-9]{3,8}$/;

/**
 * The SMPP address of a number: international ("+…" or "00…") TON 1 NPI 1 without the "+", a short code TON 3
 * (network specific) NPI 0, any other digits TON 0 NPI 1 (the SMS centre's own reading). The API sends to
 * numbers normalised to E.164 (T4), so a national number typed "06 12 34 56 78" arrives here as +33612345678.
 */
function smppNumberAddress(number: string): SmppAddress {
  const digits = number.replace(/[^0-9+]/g, '').replace(/^00/, '+');
  if (digits.startsWith('+')) return { addr: digits.slice(1).replace(/\+/g, ''), ton: 1, npi: 1 };
  if (SHORT_CODE.test(digits)) return { addr: digits, ton: 3, npi: 0 };
  return { addr: digits, ton: 0, npi: 1 };
}

/** The SMPP address of a sender: alphanumeric (TON 5), international number (TON 1), short code (TON 3). */
export function smppSourceAddress(sender: string): SmppAddress {
  const check = checkSenderId(sender);
  if (check.valid && check.kind === 'alphanumeric') return { addr: check.normalised, ton: 5, npi: 0 };
  return smppNumberAddress(sender);
}

/** The SMPP address of a recipient: international (E.164, TON 1 NPI 1) or a short code (TON 3). */
export function smppDestinationAddress(number: string): SmppAddress {
  return smppNumberAddress(number);
}

/** The submit_sm fields of each part of a message: UDH concatenation for long texts, data_coding 8 for UCS-2. */
export function submitSmFields(
  message: OutgoingMessage,
  sender: string,
  reference: number,
): Record<string, unknown>[] {
  const size = measureSms(message.text);
  const source = smppSourceAddress(sender);
  const destination = smppDestinationAddress(message.to);
  const common: Record<string, unknown> = {
    source_addr: source.addr,
    source_addr_ton: source.ton,
    source_addr_npi: source.npi,
    destination_addr: destination.addr,
    dest_addr_ton: destination.ton,
    dest_addr_npi: destination.npi,
    registered_delivery: 1,
    data_coding: size.encoding === 'UCS-2' ? 8 : 0,
    esm_class: 0,
  };
  if (message.expiresAt) common.validity_period = message.expiresAt;
  if (size.parts.length <= 1) return [{ ...common, short_message: message.text }];
  return size.parts.map((part, index) => ({
    ...common,
    short_message: {
      udh: Buffer.from([0x05, 0x00, 0x03, reference & 0xff, size.parts.length, index + 1]),
      message: part,
    },
  }));
}

const RETRYABLE: Record<number, string> = {
  0x08: 'The SMS centre had a system error; trying again later.',
  0x14: 'The SMS centre queue is full; trying again later.',
  0x58: 'The SMS centre is throttling messages; trying again later.',
  0x64: 'The SMS centre reported a temporary error; trying again later.',
  0x45: 'The SMS centre could not submit the message now; trying again later.',
};
const FINAL: Record<number, string> = {
  0x01: 'The message was too long for the SMS centre.',
  0x0a: 'The sender id was refused by the SMS centre.',
  0x0b: 'The phone number was refused by the SMS centre (invalid destination).',
  0x0d: 'The SMS centre refused the login (bind failed).',
  0x0e: 'The SMS centre refused the password.',
  0x0f: 'The SMS centre does not know this system id.',
  0x61: 'The scheduled delivery time was refused.',
  0x62: 'The validity period (expiry) was refused.',
};

/** Classifies an SMPP command_status: throttling, queue full and system errors retryable; the rest final. */
export function classifySmppStatus(status: number): SendRefused {
  const code = `smpp-0x${status.toString(16).padStart(2, '0')}`;
  if (RETRYABLE[status]) return retryable(code, RETRYABLE[status]);
  return final(
    code,
    FINAL[status] ?? `The SMS centre refused the message (status 0x${status.toString(16)}).`,
  );
}

const RECEIPT_STATES: Record<string, DeliveryStatus | null> = {
  DELIVRD: 'delivered',
  EXPIRED: 'expired',
  UNDELIV: 'undelivered',
  REJECTD: 'failed',
  DELETED: 'failed',
  UNKNOWN: 'failed',
  ACCEPTD: null,
  ENROUTE: null,
};
const MESSAGE_STATES: Record<number, string> = {
  1: 'ENROUTE',
  2: 'DELIVRD',
  3: 'EXPIRED',
  4: 'DELETED',
  5: 'UNDELIV',
  6: 'ACCEPTD',
  7: 'UNKNOWN',
  8: 'REJECTD',
};
const RECEIPT_REASONS: Record<string, string> = {
  EXPIRED: 'The message expired before the phone could be reached.',
  UNDELIV: 'The message could not be delivered to the phone.',
  REJECTD: 'The network rejected the message.',
  DELETED: 'The message was deleted by the SMS centre.',
  UNKNOWN: 'The SMS centre does not know what became of the message.',
};

/** The common status of an SMPP message_state value (query_sm_resp, receipt TLV). */
export function smppMessageState(state: number): DeliveryStatus | 'accepted' {
  return RECEIPT_STATES[MESSAGE_STATES[state] ?? 'UNKNOWN'] ?? 'accepted';
}

type PduFields = Record<string, unknown>;

function messageText(pdu: PduFields): string {
  const field = (pdu.message_payload ?? pdu.short_message) as
    { message?: unknown } | string | Buffer | undefined;
  const value =
    typeof field === 'object' && field !== null && !Buffer.isBuffer(field) ? field.message : field;
  return Buffer.isBuffer(value) ? value.toString('latin1') : String(value ?? '');
}

/** True when a deliver_sm is a delivery receipt (esm_class message type 0x04) rather than a reply. */
export function isDeliveryReceipt(pdu: PduFields): boolean {
  return ((Number(pdu.esm_class) || 0) & 0x3c) === 0x04;
}

function receiptDate(value: string | undefined, fallback: Date): Date {
  const match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?$/.exec(value ?? '');
  if (!match) return fallback;
  const [, yy, mm, dd, hh, mi, ss] = match;
  return new Date(
    Date.UTC(2000 + Number(yy), Number(mm) - 1, Number(dd), Number(hh), Number(mi), Number(ss ?? 0)),
  );
}

/** Reads a delivery receipt (text "id:… stat:DELIVRD err:…" or TLVs); null if not a final receipt. */
export function parseSmppReceipt(pdu: PduFields, now: Date): DeliveryReport | null {
  if (!isDeliveryReceipt(pdu)) return null;
  const text = messageText(pdu);
  const fields = Object.fromEntries(
    [...text.matchAll(/(\w+(?: date)?):(\S*)/gi)].map((m) => [m[1].toLowerCase(), m[2]]),
  );
  const id = (pdu.receipted_message_id as string | undefined) ?? fields.id;
  const state =
    typeof pdu.message_state === 'number' ? MESSAGE_STATES[pdu.message_state] : fields.stat?.toUpperCase();
  if (!id || !state) return null;
  const status = RECEIPT_STATES[state] === undefined ? 'failed' : RECEIPT_STATES[state];
  if (!status) return null;
  const report: DeliveryReport = { providerMessageId: id, status, at: receiptDate(fields['done date'], now) };
  if (fields.err && !/^0+$/.test(fields.err)) report.errorCode = fields.err;
  if (status !== 'delivered') report.reason = RECEIPT_REASONS[state] ?? `The SMS centre reported "${state}".`;
  return report;
}

/** Reads a mobile-originated deliver_sm (a patient's reply); null for receipts. */
export function parseSmppInbound(pdu: PduFields, now: Date): InboundMessage | null {
  if (isDeliveryReceipt(pdu) || typeof pdu.source_addr !== 'string') return null;
  const from = Number(pdu.source_addr_ton) === 1 ? `+${pdu.source_addr}` : pdu.source_addr;
  const to =
    Number(pdu.dest_addr_ton) === 1 ? `+${pdu.destination_addr}` : String(pdu.destination_addr ?? '');
  return { from, to, text: messageText(pdu), at: now };
}

/** The concatenation header of one part of a long message (UDH IE 0x00 or 0x08), or null. */
export function concatenationOf(
  pdu: PduFields,
): { reference: number; total: number; sequence: number } | null {
  const udh = (pdu.short_message as { udh?: Buffer[] } | undefined)?.udh;
  for (const element of udh ?? []) {
    if (element[0] === 0x00 && element.length >= 5)
      return { reference: element[2], total: element[3], sequence: element[4] };
    if (element[0] === 0x08 && element.length >= 6) {
      return { reference: element.readUInt16BE(2), total: element[4], sequence: element[5] };
    }
  }
  return null;
}
