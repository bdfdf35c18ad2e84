import { Hl7Message, Hl7Segment } from '@medplum/core';

/** HL7's acknowledgement codes: accepted, error (a message we cannot read or apply), reject. */
export type AckCode = 'AA' | 'AE' | 'AR';

/**
 * The ACK of a message: MSH with sender and receiver swapped, its processing id and character set kept, MSA
 * with the code and the message control id; for an error the reason, in MSA-3 (what v2.3 systems show) and in
 * an ERR segment (v2.5: ERR-3 the HL7 error code, ERR-4 the severity, ERR-8 the text for a person).
 */
export function ackOf(message: Hl7Message, code: AckCode, reason?: string): Hl7Message {
  const context = message.context;
  const text = code === 'AA' ? '' : escapeHl7(reason ?? 'The message could not be applied', message);
  const errorCode =
    code === 'AR' ? '200^Unsupported message type^HL70357' : '207^Application internal error^HL70357';
  const ack = message.buildAck({
    ackCode: code,
    ...(code === 'AA'
      ? {}
      : {
          errSegment: Hl7Segment.parse(
            ['ERR', '', '', errorCode, 'E', '', '', '', text].join(context.fieldSeparator),
            context,
          ),
        }),
  });
  const header = message.getSegment('MSH');
  const msh = ack.getSegment('MSH')!;
  msh.setField(11, header?.getField(11)?.toString() || 'P');
  const charset = header?.getField(18)?.toString() ?? '';
  if (charset) msh.setField(18, charset);
  if (text) ack.getSegment('MSA')!.setField(3, text);
  return ack;
}

/** Text made safe to place in one HL7 field (a reason may quote what the sender wrote). */
function escapeHl7(text: string, message: Hl7Message): string {
  const c = message.context;
  const names = new Map([
    [c.escapeCharacter, 'E'],
    [c.fieldSeparator, 'F'],
    [c.componentSeparator, 'S'],
    [c.subcomponentSeparator, 'T'],
    [c.repetitionSeparator, 'R'],
  ]);
  return [...text.replace(/[\r\n]+/g, ' ')]
    .map((ch) => (names.has(ch) ? `${c.escapeCharacter}${names.get(ch)}${c.escapeCharacter}` : ch))
    .join('');
}

/** What an ACK says: MSA-1 (`AA`, `AE`, `AR`, or `CA`… in enhanced mode) and MSA-3; null when it is not an ACK. */
export function readAck(text: string): { code: string; text: string } | null {
  try {
    const msa = Hl7Message.parse(text.trim()).getSegment('MSA');
    return msa ? { code: msa.getField(1).toString(), text: msa.getField(3)?.toString() ?? '' } : null;
  } catch {
    return null;
  }
}
