import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import { AppointmentService } from '../appointments/appointment.service';
import type { Principal } from '../../http/principal';
import type { InboxChange, InboxQuery } from './inbox.dto';
import { ReplyDocument, ReplyRepository } from './reply.repository';

/** When the appointment a reply is about starts, shown beside it in the inbox (null when unknown). */
type AppointmentStarts = Map<string, Date | null>;

export function toInboxItem(reply: ReplyDocument, starts: AppointmentStarts = new Map()) {
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
    appointment: reply.appointmentId
      ? { id: reply.appointmentId, start: starts.get(reply.appointmentId) ?? null }
      : null,
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
    private readonly appointments: AppointmentService,
    private readonly clock: ClockRepository,
  ) {}

  async list(clinicId: string, query: InboxQuery) {
    const [page, unread] = await Promise.all([
      this.replies.inbox(clinicId, query, query),
      this.replies.unread(clinicId),
    ]);
    const starts = await this.startsOf(clinicId, page.items);
    return { ...page, items: page.items.map((reply) => toInboxItem(reply, starts)), unread };
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
    const updated = await this.replies.mark(principal.clinicId, id, set);
    if (!updated) throw AppError.notFound(`No reply ${id}`);
    return toInboxItem(updated, await this.startsOf(principal.clinicId, [updated]));
  }

  /** The start of each appointment the replies are about, read by `_id` (the only indexed lookup). */
  private async startsOf(clinicId: string, replies: ReplyDocument[]): Promise<AppointmentStarts> {
    const ids = [...new Set(replies.map((r) => r.appointmentId).filter((id): id is string => !!id))];
    const found = new Map((await this.appointments.findByIds(clinicId, ids)).map((a) => [a._id, a.start]));
    return new Map(ids.map((id) => [id, found.get(id) ?? null]));
  }
}
