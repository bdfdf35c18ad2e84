import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EmailLinks } from '@clinicflow/channels';
import type { Env } from '../../config/env';
import { publicBaseUrl } from '../../config/public-base-url';
import { PATIENT_LINK_SEGMENTS, PATIENT_PREFIX } from '../../http/patient-paths';
import { linkKeyOf, openLink, signLink, type PatientLinkKind } from './patient-link-token';

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

  constructor(config: ConfigService<Env, true>) {
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

  private urlOf(kind: PatientLinkKind, deliveryId: string): string {
    const token = signLink(this.key, kind, deliveryId);
    return `${this.base}/${PATIENT_PREFIX}/${PATIENT_LINK_SEGMENTS[kind]}/${token}`;
  }
}
