import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EmailLinks } from '@clinicflow/channels';
import type { Env } from '../../config/env';
import { publicBaseUrl } from '../../config/public-base-url';
import { PATIENT_LINK_SEGMENTS, PATIENT_PREFIX } from '../../http/patient-paths';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import {
  PatientLinkRepository,
  type PageLinkKind,
  type PatientLinkDocument,
} from './patient-link.repository';
import {
  linkKeyOf,
  openLink,
  PAGE_TOKEN,
  pageTokenOf,
  signLink,
  type PatientLinkKind,
} from './patient-link-token';

/** How long a page link opens after its appointment ends (or after its message was written, if later). */
export const PAGE_LINK_DAYS = 14;
/** How long a preferences link opens after its message was written. */
export const PREFERENCES_LINK_DAYS = 90;
const DAY = 86_400_000;
/** The links of a message about an appointment; any message to a patient has `preferences`. */
const APPOINTMENT_LINK_KINDS: readonly PageLinkKind[] = ['confirm', 'cancel', 'reschedule', 'calendar'];

/** A message's page links as its template sees them (`links.confirm`…), and what to store of those it used. */
export interface PageLinks {
  urls: Partial<Record<PageLinkKind, string>>;
  documents: PatientLinkDocument[];
}

/**
 * The links a message carries for its patient: signed with a key derived from APP_SECRET (a link signed under a
 * secret of APP_SECRET_PREVIOUS still opens), naming the delivery and nothing about the patient, under
 * `publicBaseUrl` (PUBLIC_URL, else this installation's localhost address).
 */
@Injectable()
export class PatientLinksService {
  private readonly key: Buffer;
  private readonly keys: Buffer[];
  private readonly base: string;

  constructor(
    config: ConfigService<Env, true>,
    private readonly pageLinks: PatientLinkRepository,
  ) {
    this.key = linkKeyOf(config.get('APP_SECRET', { infer: true }));
    const previous = config.get('APP_SECRET_PREVIOUS', { infer: true }) ?? [];
    this.keys = [this.key, ...previous.map(linkKeyOf)];
    this.base = publicBaseUrl(config);
  }

  /** An e-mail's links: one-click unsubscribe always, the open-tracking image when the clinic keeps it on. */
  emailLinks(deliveryId: string, trackOpens: boolean): EmailLinks {
    return {
      unsubscribeUrl: this.urlOf('unsubscribe', deliveryId),
      ...(trackOpens ? { openTrackingPixelUrl: this.urlOf('open', deliveryId) } : {}),
    };
  }

  /** The delivery a link of this kind names, or null when the token is not one of ours. */
  deliveryOf(kind: PatientLinkKind, token: string): string | null {
    return openLink(this.keys, kind, token);
  }

  /**
   * The short links of a patient's message (`links.*`): the preferences of the patient it goes to, and the
   * appointment's page when it is about one; null for anyone else's. Nothing is stored until `keepUsed` sees
   * which ones the message shows.
   */
  pageLinksOf(delivery: DeliveryDocument, now: Date): PageLinks | null {
    if (delivery.recipient.type !== 'patient' || !delivery.patientId) return null;
    const kinds: PageLinkKind[] = ['preferences', ...(delivery.appointmentId ? APPOINTMENT_LINK_KINDS : [])];
    const end = Date.parse(
      String((delivery.templateData?.appointment as { end?: unknown } | undefined)?.end),
    );
    const from = Number.isFinite(end) ? Math.max(end, now.getTime()) : now.getTime();
    const expiresAt = new Date(from + PAGE_LINK_DAYS * DAY);
    const preferencesExpire = new Date(now.getTime() + PREFERENCES_LINK_DAYS * DAY);
    const documents = kinds.map((kind) => ({
      _id: pageTokenOf(this.key, kind, delivery._id),
      clinicId: delivery.clinicId,
      deliveryId: delivery._id,
      kind,
      createdAt: now,
      expiresAt: kind === 'preferences' ? preferencesExpire : expiresAt,
    }));
    const urls = Object.fromEntries(
      documents.map((link) => [link.kind, `${this.base}/${PATIENT_PREFIX}/${link._id}`]),
    ) as PageLinks['urls'];
    return { urls, documents };
  }

  /** Stores the links a written message shows (its text or HTML), so that they open. */
  async keepUsed(links: PageLinks, written: readonly (string | undefined)[]): Promise<void> {
    const used = links.documents.filter((link) =>
      written.some((text) => text?.includes(`/${PATIENT_PREFIX}/${link._id}`)),
    );
    if (used.length > 0) await this.pageLinks.keep(used);
  }

  /** The stored link of a short token, or null for anything else (an unknown or malformed token). */
  async pageLinkOf(token: string): Promise<PatientLinkDocument | null> {
    return PAGE_TOKEN.test(token) ? this.pageLinks.findAnyByToken(token) : null;
  }

  private urlOf(kind: PatientLinkKind, deliveryId: string): string {
    const token = signLink(this.key, kind, deliveryId);
    return `${this.base}/${PATIENT_PREFIX}/${PATIENT_LINK_SEGMENTS[kind]}/${token}`;
  }
}
