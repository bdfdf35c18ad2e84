import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { normaliseMobileNumber } from '@clinicflow/channels';
import { CHANNELS, type PmsPatient } from '@clinicflow/contract';
import { ClockRepository } from '../../common/clock.repository';
import { AppError } from '../../common/app-error';
import type { Principal } from '../../http/principal';
import { AuditService } from '../audit/audit.service';
import type { Channel } from '../settings/settings.dto';
import { SettingsService } from '../settings/settings.service';
import { DirectoryEntries, ListQuery, searchText, toEntryView } from './directory-entries';
import {
  defaultConsentSource,
  type ConsentChange,
  type ConsentInput,
  type PatientFields,
} from './directory.dto';
import { ID_PREFIXES } from './directory-ids';
import {
  ConsentRecord,
  PatientDocument,
  PatientErasureRepository,
  PatientRepository,
} from './directory.repository';
import { decideConsent } from './consent-decisions';
import { ClinicEvents } from '../../common/clinic-events';

type Strictness = 'refuse-bad-mobile' | 'keep-bad-mobile';

/** The events already counted in a patient's attendance (kept on the patient, left out of its views). */
type WithAttendanceEvents = PatientDocument & { attendanceEvents?: string[] };

/** A patient as a PMS event carries it (without its external id). */
export type PmsPatientFields = Omit<PmsPatient, 'externalId'>;

/** The patient of an event: its id, and whether the event's intake created it (and when it was created). */
export interface EventPatient {
  id: string;
  created: boolean;
  createdAt: Date;
}

/** Patients: mobile normalised to E.164 with the clinic's country, consent per channel with its evidence. */
@Injectable()
export class PatientService {
  private readonly entries: DirectoryEntries<PatientDocument>;

  constructor(
    private readonly patients: PatientRepository,
    private readonly settings: SettingsService,
    private readonly clock: ClockRepository,
    private readonly audit: AuditService,
    private readonly erasures: PatientErasureRepository,
    private readonly clinicEvents: ClinicEvents,
  ) {
    this.entries = new DirectoryEntries(patients, ID_PREFIXES.patients, 'patient', (p) =>
      searchText(p.firstName, p.lastName, p.email, p.mobile, p.externalId),
    );
  }

  async list(clinicId: string, query: ListQuery) {
    const page = await this.entries.list(clinicId, query, { lastName: 1, firstName: 1 });
    return { ...page, items: page.items.map(({ attendanceEvents: _counted, ...view }) => view) };
  }

  async get(clinicId: string, id: string) {
    return patientView(await this.entries.get(clinicId, id));
  }

  /** A new patient; consent given without a source is recorded from `defaultSource` (`pms` for an API key). */
  async create(clinicId: string, fields: PatientFields, defaultSource = 'staff') {
    const { document, consent } = await this.toDocument(clinicId, fields, 'refuse-bad-mobile', 'body', {
      defaultSource,
    });
    const generation = fields.externalId ? await this.generationOf(clinicId, fields.externalId) : 0;
    const now = this.clock.now();
    return patientView(await this.entries.create(clinicId, newPatient(document, consent), now, generation));
  }

  /**
   * The id of the patient the PMS names `externalId`: after an erasure of that patient it is a new one
   * (docs/privacy.md), so a later event creates a new patient rather than reviving the erased one.
   */
  async idForExternal(clinicId: string, externalId: string): Promise<string> {
    return this.entries.idFor(clinicId, externalId, await this.generationOf(clinicId, externalId));
  }

  /** `idForExternal` of many external ids (a batch of events): looked up one by one only once the clinic erased one. */
  async idsForExternal(clinicId: string, externalIds: readonly string[]): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    const erased = await this.erasures.any(clinicId);
    for (const externalId of new Set(externalIds)) {
      ids.set(
        externalId,
        erased ? await this.idForExternal(clinicId, externalId) : this.entries.idFor(clinicId, externalId),
      );
    }
    return ids;
  }

  /** How many times the patient of this external id was erased (looked up only once the clinic erased one). */
  private async generationOf(clinicId: string, externalId: string): Promise<number> {
    if (!(await this.erasures.any(clinicId))) return 0;
    return this.erasures.generationOf(clinicId, this.entries.idFor(clinicId, externalId));
  }

  async update(clinicId: string, id: string, fields: Partial<PatientFields>, defaultSource = 'staff') {
    const { document, consent } = await this.toDocument(clinicId, fields, 'refuse-bad-mobile', 'body', {
      defaultSource,
    });
    await this.write(await this.entries.get(clinicId, id), document, consent);
    return patientView((await this.patients.findById(clinicId, id))!);
  }

  async upsert(clinicId: string, externalId: string, fields: PatientFields, defaultSource = 'staff') {
    const { document, consent } = await this.toDocument(clinicId, fields, 'refuse-bad-mobile', 'body', {
      defaultSource,
    });
    const generation = await this.generationOf(clinicId, externalId);
    const existing = await this.patients.findById(
      clinicId,
      this.entries.idFor(clinicId, externalId, generation),
    );
    if (existing) {
      await this.write(existing, document, consent);
      return { ...patientView((await this.patients.findById(clinicId, existing._id))!), created: false };
    }
    const { entry, created } = await this.entries.upsert(
      clinicId,
      externalId,
      newPatient(document, consent),
      this.clock.now(),
      generation,
    );
    return { ...patientView(entry), created };
  }

  /**
   * The patient of an event: an unusable mobile does not lose the event; it is kept with the reason, so the
   * engine skips SMS for that patient and the report says why.
   */
  async upsertFromEvent(
    clinicId: string,
    externalId: string,
    fields: PmsPatientFields,
    country: string,
  ): Promise<EventPatient> {
    const generation = await this.generationOf(clinicId, externalId);
    const id = this.entries.idFor(clinicId, externalId, generation);
    const { consent: given, ...rest } = fields;
    const { document } = await this.toDocument(clinicId, rest, 'keep-bad-mobile', 'body.patient', {
      country,
    });
    // The PMS's consent is its evidence: recorded as `pms`, at the time the PMS says the patient decided.
    const consent = Object.fromEntries(
      Object.entries(given ?? {}).map(([channel, decision]) => [
        channel,
        {
          granted: decision!.granted,
          purposes: decision!.granted ? (decision!.purposes ?? []) : [],
          source: 'pms',
          at: new Date(decision!.at),
        },
      ]),
    ) as Partial<Record<Channel, ConsentRecord>>;
    const now = this.clock.now();
    const existing = await this.patients.findById(clinicId, id);
    if (!existing) {
      const { entry, created } = await this.entries.upsert(
        clinicId,
        externalId,
        newPatient(document, consent),
        now,
        generation,
      );
      return { id: entry._id, created, createdAt: new Date(entry.createdAt) };
    }
    const decided = decideConsent(existing, consent);
    const changes = withConsent(document, decided.records);
    if (decided.history.length > 0 || !unchanged(existing, changes)) {
      await this.entries.updateRead(existing, changes, now, { consentHistory: decided.history });
    }
    this.announceConsent(clinicId, id, decided.records);
    return { id, created: false, createdAt: new Date(existing.createdAt) };
  }

  /** A patient, or null when the clinic has none of that id. */
  find(clinicId: string, id: string): Promise<PatientDocument | null> {
    return this.patients.findById(clinicId, id);
  }

  /** The same as `find`, read together with the others asked for at the same moment (the dispatcher's batch). */
  findInBatch(clinicId: string, id: string): Promise<PatientDocument | null> {
    return this.patients.findByIdInBatch(clinicId, id);
  }

  /** Patients by id (those of another clinic are left out). */
  findByIds(clinicId: string, ids: readonly string[]): Promise<PatientDocument[]> {
    return this.patients.findByIds(clinicId, ids);
  }

  /** Every patient of the clinic, by name (placeholders made up from events left out). */
  everyPatient(clinicId: string): Promise<PatientDocument[]> {
    return this.patients.everyPatient(clinicId);
  }

  /** The patients with this mobile number (E.164): who may have sent a reply. */
  withMobile(clinicId: string, mobile: string): Promise<PatientDocument[]> {
    return this.patients.withMobile(clinicId, mobile);
  }

  /**
   * Records a consent decision (T3) with its evidence; one made before the decision in force is kept in the
   * history only. Answers the patient as it is now.
   */
  async changeConsent(
    clinicId: string,
    id: string,
    change: ConsentChange,
    defaultSource = 'staff',
    address: string | null = null,
  ) {
    const patient = await this.entries.get(clinicId, id);
    const record = this.consentRecord(change, defaultSource);
    await this.write(patient, {}, { [change.channel]: address ? { ...record, address } : record });
    return patientView((await this.patients.findById(clinicId, id))!);
  }

  /**
   * `PATCH /api/patients/:id`: consent given by staff is recorded in the audit trail too (the channels and
   * decisions, never the patient's details); a PMS's carries its own evidence in the patient's history.
   */
  async updateBy(caller: Principal, id: string, fields: Partial<PatientFields>) {
    const patient = await this.update(caller.clinicId, id, fields, defaultConsentSource(caller));
    const channels = CHANNELS.filter((channel) => fields.consent?.[channel]);
    if (caller.kind === 'user' && channels.length > 0) {
      await this.audit.record(caller, {
        action: 'patient.consent-changed',
        target: { type: 'patient', id, label: null },
        details: {
          channels,
          granted: channels.map((channel) => `${channel}:${fields.consent![channel]!.granted}`),
        },
      });
    }
    return patient;
  }

  /** `POST /api/patients/:id/consent`: as `changeConsent`; a decision by staff is recorded in the audit trail. */
  async changeConsentBy(caller: Principal, id: string, change: ConsentChange) {
    const patient = await this.changeConsent(caller.clinicId, id, change, defaultConsentSource(caller));
    if (caller.kind === 'user') {
      await this.audit.record(caller, {
        action: 'patient.consent-changed',
        target: { type: 'patient', id, label: null },
        details: {
          channels: [change.channel],
          granted: [`${change.channel}:${change.granted}`],
          purposes: change.purposes ?? [],
        },
      });
    }
    return patient;
  }

  /** How many patients the clinic has, and how many have consent in force on each channel. */
  async consentCounts(clinicId: string): Promise<{ patients: number; consenting: Record<Channel, number> }> {
    const [patients, ...counts] = await Promise.all([
      this.patients.countAll(clinicId),
      ...CHANNELS.map((channel) => this.patients.countConsenting(clinicId, channel)),
    ]);
    const consenting = Object.fromEntries(CHANNELS.map((channel, i) => [channel, counts[i]]));
    return { patients, consenting: consenting as Record<Channel, number> };
  }

  /** The patient said no on a channel (a STOP reply, a flow's step): consent off, with where it came from. */
  async withdrawConsent(clinicId: string, id: string, channel: Channel, source: string, at: Date) {
    const patient = await this.patients.findById(clinicId, id);
    if (!patient) return;
    const withdrawn = { granted: false, purposes: [], source, at };
    await this.patients.setConsent(patient, channel, withdrawn, at);
    if (patient.consent?.[channel]?.granted !== false)
      this.announceConsent(clinicId, id, { [channel]: withdrawn });
  }

  /** The patient wrote to the clinic on WhatsApp at `at`: it opens the 24 hours in which any text may answer. */
  async noteWhatsappMessage(clinicId: string, id: string, at: Date): Promise<void> {
    await this.patients.noteWhatsappMessage(clinicId, id, at);
  }

  /** Sets a patient's attendance as counted before clinicflow (a PMS's history, the demo clinic). */
  async importAttendance(clinicId: string, id: string, attendance: PatientDocument['attendance']) {
    const patient = await this.entries.get(clinicId, id);
    await this.patients.change(patient, { attendance });
  }

  /**
   * Counts an attended visit or a no-show on the patient, once per event: the event's id is recorded in the
   * same write as the count, so applying the event again (the engine's sweep after a crash) counts nothing.
   */
  async recordAttendance(
    clinicId: string,
    id: string,
    outcome: 'attended' | 'no_show',
    at: Date,
    eventId: string,
  ) {
    const patient = (await this.patients.findById(clinicId, id)) as WithAttendanceEvents | null;
    if (!patient || patient.attendanceEvents?.includes(eventId)) return;
    await this.patients.countAttendance(patient, outcome, at, eventId);
  }

  /** Writes changes to a patient just read, its consent decisions as `decideConsent` says, in one write. */
  private async write(
    patient: PatientDocument,
    document: Partial<PatientDocument>,
    consent: Partial<Record<Channel, ConsentRecord>>,
  ) {
    const decided = decideConsent(patient, consent);
    await this.entries.updateRead(patient, withConsent(document, decided.records), this.clock.now(), {
      consentHistory: decided.history,
    });
    this.announceConsent(patient.clinicId, patient._id, decided.records);
  }

  /** Tells the clinic's systems (webhooks) of each consent decision that is now the one in force. */
  private announceConsent(
    clinicId: string,
    patientId: string,
    records: Partial<Record<Channel, ConsentRecord>>,
  ) {
    for (const [channel, record] of Object.entries(records) as [Channel, ConsentRecord][]) {
      const at = new Date(record.at);
      this.clinicEvents.announce({
        clinicId,
        type: 'consent.changed',
        key: `consent:${patientId}:${channel}:${at.getTime()}:${record.granted}`,
        at,
        data: {
          patientId,
          channel,
          granted: record.granted,
          purposes: record.purposes,
          source: record.source,
        },
      });
    }
  }

  /** The stored fields of a patient input, and its consent records by channel (kept apart: see callers). */
  private async toDocument(
    clinicId: string,
    fields: Partial<PatientFields>,
    strictness: Strictness,
    pathPrefix: string,
    options: { country?: string; defaultSource?: string } = {},
  ): Promise<{ document: Partial<PatientDocument>; consent: Partial<Record<Channel, ConsentRecord>> }> {
    const knownCountry = options.country;
    const { consent, mobile, ...rest } = fields;
    const document = { ...rest } as Partial<PatientDocument>;
    if (mobile !== undefined) {
      document.mobile = null;
      document.mobileProblem = null;
      if (mobile) {
        const country = knownCountry ?? (await this.settings.find(clinicId))?.country ?? 'FR';
        const normalised = normaliseMobileNumber(mobile, country);
        if (normalised.valid) document.mobile = normalised.e164;
        else if (strictness === 'refuse-bad-mobile') {
          throw AppError.invalid([{ path: `${pathPrefix}.mobile`, message: normalised.reason }]);
        } else document.mobileProblem = { raw: mobile, reason: normalised.reason };
      }
    }
    const records = Object.entries(consent ?? {}).map(([channel, input]) => [
      channel,
      this.consentRecord(input!, options.defaultSource ?? 'staff'),
    ]);
    return { document, consent: Object.fromEntries(records) };
  }

  private consentRecord(input: ConsentInput, defaultSource: string): ConsentRecord {
    return {
      granted: input.granted,
      purposes: input.granted ? input.purposes : [],
      source: input.source ?? defaultSource,
      at: input.at ? new Date(input.at) : this.clock.now(),
    };
  }
}

/** A patient as the API shows it: the bookkeeping of counted attendance events stays inside. */
function patientView(patient: PatientDocument) {
  const { attendanceEvents: _counted, ...view } = toEntryView(patient as WithAttendanceEvents);
  return view;
}

/** A new patient's document: defaults, the given fields, the consent records and their first evidence. */
function newPatient(
  document: Partial<PatientDocument>,
  consent: Partial<Record<Channel, ConsentRecord>>,
): Partial<PatientDocument> {
  return {
    lastName: '',
    mobile: null,
    mobileProblem: null,
    email: null,
    language: null,
    attendance: { attended: 0, noShows: 0, lastVisitAt: null },
    ...document,
    consent,
    consentHistory: Object.entries(consent).map(([channel, record]) => ({
      channel: channel as Channel,
      ...record,
    })),
  };
}

/** True when every field of `changes` already has that value (the PMS resends the same patient each time). */
function unchanged(patient: PatientDocument, changes: Partial<PatientDocument>): boolean {
  return Object.entries(changes).every(([key, value]) => {
    if (key.includes('.')) return false;
    return isDeepStrictEqual((patient as Record<string, unknown>)[key], value);
  });
}

/** An update of a patient: consent records of the channels given replace those channels only. */
function withConsent(
  document: Partial<PatientDocument>,
  consent: Partial<Record<Channel, ConsentRecord>>,
): Partial<PatientDocument> {
  const dotted = Object.fromEntries(
    Object.entries(consent).map(([channel, record]) => [`consent.${channel}`, record]),
  );
  return { ...document, ...dotted } as Partial<PatientDocument>;
}
