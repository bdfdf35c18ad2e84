import { Injectable, NotFoundException } from '@nestjs/common';
import type { Filter } from 'mongodb';
import { ClockRepository } from '../../common/clock.repository';
import type { Principal } from '../auth/principal';
import type { InboxChange, InboxQuery } from './inbox.dto';
import { ReplyDocument, ReplyRepository } from './reply.repository';

export function toInboxItem(reply: ReplyDocument) {
  return {
    id: reply._id,
    receivedAt: reply.receivedAt,
    channel: reply.channel,
    from: reply.from,
    text: reply.text,
    patient: reply.patientId ? { id: reply.patientId, name: reply.patientName } : null,
    deliveryId: reply.deliveryId,
    questionText: reply.questionText ?? null,
    appointmentId: reply.appointmentId,
    meaning: reply.meaning,
    outcome: reply.outcome,
    read: reply.read,
    readAt: reply.readAt,
    readBy: reply.readBy,
    followUp: reply.followUp,
  };
}

/** The inbox of received replies (S6): read / unread, follow-up flag, unread count for the navigation. */
@Injectable()
export class InboxService {
  constructor(
    private readonly replies: ReplyRepository,
    private readonly clock: ClockRepository,
  ) {}

  async list(clinicId: string, query: InboxQuery) {
    const filter: Filter<ReplyDocument> = query.all ? {} : { meaning: 'unknown' };
    if (query.read !== undefined) filter.read = query.read;
    if (query.followUp !== undefined) filter.followUp = query.followUp;
    const [page, unread] = await Promise.all([
      this.replies.findPage(clinicId, filter, query, { receivedAt: -1, _id: 1 }),
      this.replies.count(clinicId, { read: false }),
    ]);
    return { ...page, items: page.items.map(toInboxItem), unread };
  }

  async change(principal: Principal, id: string, change: InboxChange) {
    const now = this.clock.now();
    const set: Partial<ReplyDocument> = { updatedAt: now };
    if (change.followUp !== undefined) set.followUp = change.followUp;
    if (change.read !== undefined) {
      set.read = change.read;
      set.readAt = change.read ? now : null;
      set.readBy = change.read ? (principal.email ?? 'staff') : null;
    }
    const updated = await this.replies.updateById(principal.clinicId, id, { $set: set });
    if (!updated) throw new NotFoundException(`No reply ${id}`);
    return toInboxItem(updated);
  }
}
