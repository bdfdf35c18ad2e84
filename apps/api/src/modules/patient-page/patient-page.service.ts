import { Injectable, Logger } from '@nestjs/common';
import { ClockRepository } from '../../common/clock.repository';
import { errorSummary } from '../../common/logged-error';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import { DeliveryService } from '../deliveries/delivery.service';
import { PatientLinksService } from '../patient-links/patient-links.service';
import { ReplyService } from '../replies/reply.service';
import { SettingsService } from '../settings/settings.service';

/** Whether a fetch comes from Apple Mail's privacy proxy, which loads every image from 17.0.0.0/8, read or not. */
export function isMailProxy(address: string | undefined): boolean {
  return /^(::ffff:)?17\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address ?? '');
}

/** A link's e-mail as its page needs it: the delivery, and the clinic's name to show. */
export interface LinkedEmail {
  delivery: DeliveryDocument;
  clinicName: string;
}

/** What the patient's links do (docs/patient-links.md): count an e-mail's opening, unsubscribe from e-mails. */
@Injectable()
export class PatientPageService {
  private readonly logger = new Logger(PatientPageService.name);

  constructor(
    private readonly links: PatientLinksService,
    private readonly deliveries: DeliveryService,
    private readonly replies: ReplyService,
    private readonly settings: SettingsService,
    private readonly clock: ClockRepository,
  ) {}

  /**
   * Counts an opening when the token is one of ours (anything else changes nothing); `from` is the client's IP.
   * Never fails: the image is answered all the same, and an opening the database could not take is only logged.
   */
  async recordOpen(token: string, from: string | undefined): Promise<void> {
    const id = this.links.deliveryOf('open', token);
    if (!id) return;
    try {
      await this.deliveries.recordOpen(id, this.clock.now(), isMailProxy(from));
    } catch (error) {
      this.logger.warn(`An e-mail's opening was not recorded: ${errorSummary(error)}`);
    }
  }

  /** The e-mail an unsubscribe link names, or null when the link is not ours or its message is gone. */
  async unsubscribeTarget(token: string): Promise<LinkedEmail | null> {
    const id = this.links.deliveryOf('unsubscribe', token);
    const delivery = id ? await this.deliveries.findAny(id) : null;
    if (!delivery || delivery.channel !== 'email' || delivery.recipient.type !== 'patient') return null;
    const settings = await this.settings.find(delivery.clinicId);
    return settings ? { delivery, clinicName: settings.name } : null;
  }

  /** Withdraws e-mail consent as a STOP would; a second click finds it withdrawn and changes nothing more. */
  async unsubscribe(email: LinkedEmail): Promise<void> {
    await this.replies.unsubscribe(email.delivery, this.clock.now());
  }
}
