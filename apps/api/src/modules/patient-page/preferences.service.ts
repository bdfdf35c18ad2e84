import { Injectable, Logger } from '@nestjs/common';
import { CHANNELS, CONSENT_PURPOSES, type ConsentPurpose } from '@clinicflow/contract';
import type { Channel } from '@clinicflow/rules';
import { ClockRepository } from '../../common/clock.repository';
import type { RequestOrigin } from '../../http/principal';
import { AuditService } from '../audit/audit.service';
import type { PatientDocument } from '../directory/directory.repository';
import { PatientService } from '../directory/patient.service';
import type { OpenPage } from './appointment-page.service';
import { PAGE_LANGUAGES, type PageLanguage } from './page-layout';
import type { PreferencesView } from './preferences-page';

/** What the preferences form posts: the channels and purposes ticked, and the language of the messages. */
export interface PreferencesForm {
  channels: readonly string[];
  purposes: readonly string[];
  language: string;
}

/** The patient's decisions as the page shows them: per channel in force, purposes shared by the channels. */
interface Preferences {
  channels: Partial<Record<Channel, boolean>>;
  purposes: ConsentPurpose[];
}

/**
 * The patient's preferences page (docs/patient-links.md): which channels the clinic may use, for which purposes,
 * in which language. Each change is a consent decision with source `patient` (the directory keeps it with its
 * time, the address it was sent from and its history; the send-time checks read it), and the audit trail keeps
 * who (the patient, by their link), when and from which address.
 */
@Injectable()
export class PreferencesService {
  private readonly logger = new Logger(PreferencesService.name);

  constructor(
    private readonly patients: PatientService,
    private readonly audit: AuditService,
    private readonly clock: ClockRepository,
  ) {}

  /** The page's view in `language`; null when the message's patient is no longer stored. */
  async viewOf(page: OpenPage, language: PageLanguage): Promise<PreferencesView | null> {
    const patient = await this.patientOf(page);
    if (!patient) return null;
    const current = this.preferencesOf(page, patient);
    const messageLanguage = PAGE_LANGUAGES.find((known) => known === patient.language?.slice(0, 2));
    return {
      language,
      clinic: page.settings.name,
      channels: this.channelsOf(page).map((channel) => ({
        channel,
        allowed: current.channels[channel] ?? false,
      })),
      purposes: CONSENT_PURPOSES.map((purpose) => ({ purpose, allowed: current.purposes.includes(purpose) })),
      messageLanguage: messageLanguage ?? language,
    };
  }

  /**
   * Records what changed: a consent decision per channel whose answer or purposes changed (no purpose ticked
   * allows nothing), and the language. Answers false when the patient is gone or the form is not ours.
   */
  async save(page: OpenPage, form: PreferencesForm, origin: RequestOrigin): Promise<boolean> {
    const patient = await this.patientOf(page);
    const purposes = CONSENT_PURPOSES.filter((purpose) => form.purposes.includes(purpose));
    const language = PAGE_LANGUAGES.find((known) => known === form.language);
    const known = (values: readonly string[], allowed: readonly string[]) =>
      values.every((v) => allowed.includes(v));
    if (!patient || !language || !known(form.channels, CHANNELS) || !known(form.purposes, CONSENT_PURPOSES))
      return false;
    const now = this.clock.now();
    const current = this.preferencesOf(page, patient);
    const same = (a: readonly string[], b: readonly string[]) =>
      [...a].sort().join() === [...b].sort().join();
    const changed = this.channelsOf(page).filter((channel) => {
      const granted = form.channels.includes(channel) && purposes.length > 0;
      return (
        granted !== (current.channels[channel] ?? false) || (granted && !same(purposes, current.purposes))
      );
    });
    for (const channel of changed) {
      const granted = form.channels.includes(channel) && purposes.length > 0;
      await this.patients.changeConsent(
        page.delivery.clinicId,
        patient._id,
        { channel, granted, purposes: granted ? purposes : [], source: 'patient', at: now.toISOString() },
        'patient',
        origin.address,
      );
    }
    const newLanguage = patient.language?.slice(0, 2) !== language;
    if (newLanguage) await this.patients.update(page.delivery.clinicId, patient._id, { language }, 'patient');
    if (changed.length > 0 || newLanguage) {
      await this.audit.recordAs(
        page.delivery.clinicId,
        { kind: 'patient', id: patient._id, label: null },
        origin,
        {
          action: 'patient.consent-changed',
          target: { type: 'patient', id: patient._id, label: null },
          details: {
            via: 'preferences-page',
            channels: changed,
            granted: changed.map(
              (channel) => `${channel}:${form.channels.includes(channel) && purposes.length > 0}`,
            ),
            purposes,
            languageChanged: newLanguage,
          },
        },
      );
      this.logger.log(`A patient changed their preferences: ${changed.length} channel(s)`);
    }
    return true;
  }

  private patientOf(page: OpenPage): Promise<PatientDocument | null> {
    const id = page.delivery.patientId;
    return id ? this.patients.find(page.delivery.clinicId, id) : Promise.resolve(null);
  }

  /** The channels the clinic uses: the only ones the page asks about. */
  private channelsOf(page: OpenPage): Channel[] {
    return CHANNELS.filter((channel) => page.settings.channels[channel]);
  }

  /**
   * What is in force: a channel's recorded decision, else (no decision) what the clinic's consent mode
   * allows; purposes those of the allowed channels (none listed: every purpose).
   */
  private preferencesOf(page: OpenPage, patient: PatientDocument): Preferences {
    const byDefault = page.settings.consent.mode !== 'opt-in';
    const channels: Preferences['channels'] = {};
    const purposes = new Set<ConsentPurpose>();
    for (const channel of CHANNELS) {
      const record = patient.consent?.[channel];
      channels[channel] = record ? record.granted : byDefault;
      if (!channels[channel]) continue;
      const listed = (record?.purposes ?? []) as ConsentPurpose[];
      for (const purpose of listed.length > 0 ? listed : CONSENT_PURPOSES) purposes.add(purpose);
    }
    return { channels, purposes: CONSENT_PURPOSES.filter((purpose) => purposes.has(purpose)) };
  }
}
