import type { DeliveryReport, InboundMessage } from '../provider';

interface LongMessage {
  id: string;
  partIds: string[];
  total: number;
  reported: number;
  delivered: number;
  finished: boolean;
}

/** Receipts of the parts of long messages, added up to one status per message. */
export class LongMessageReceipts {
  private readonly byPart = new Map<string, LongMessage>();

  /** Starts a long message of `total` parts; call `accepted` as each part's message_id is known. */
  start(total: number): { accepted(partId: string): void; id(): string } {
    const long: LongMessage = { id: '', partIds: [], total, reported: 0, delivered: 0, finished: false };
    return {
      accepted: (partId) => {
        if (total <= 1) return;
        long.id ||= partId;
        long.partIds.push(partId);
        this.byPart.set(partId, long);
      },
      id: () => long.id,
    };
  }

  /** The status of the whole message: delivered when all parts are, failed at the first failed part. */
  whole(report: DeliveryReport): DeliveryReport | null {
    const long = this.byPart.get(report.providerMessageId);
    if (!long) return report;
    long.reported += 1;
    if (long.reported >= long.total) for (const partId of long.partIds) this.byPart.delete(partId);
    if (long.finished) return null;
    if (report.status === 'delivered' && ++long.delivered < long.total) return null;
    long.finished = true;
    return { ...report, providerMessageId: long.id };
  }
}

/** Parts of long replies, kept until all have arrived. */
export class LongReplies {
  private readonly replies = new Map<string, { texts: string[]; received: number }>();

  /** The whole reply once its last part arrives; null while parts are missing or repeated. */
  whole(
    inbound: InboundMessage,
    part: { reference: number; total: number; sequence: number } | null,
  ): InboundMessage | null {
    if (!part || part.total <= 1) return inbound;
    const key = `${inbound.from}|${part.reference}|${part.total}`;
    const reply = this.replies.get(key) ?? { texts: new Array<string>(part.total).fill(''), received: 0 };
    this.replies.set(key, reply);
    if (part.sequence < 1 || part.sequence > part.total || reply.texts[part.sequence - 1]) return null;
    reply.texts[part.sequence - 1] = inbound.text;
    reply.received += 1;
    if (reply.received < part.total) return null;
    this.replies.delete(key);
    return { ...inbound, text: reply.texts.join('') };
  }
}
