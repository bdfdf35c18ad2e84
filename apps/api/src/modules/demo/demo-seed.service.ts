import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DateTime } from 'luxon';
import { ClockRepository } from '../../common/clock.repository';
import type { Env } from '../../config/env';
import { API_KEY_SCOPES } from '@clinicflow/contract';
import { ApiKeyService } from '../api-keys/api-key.service';
import type { Principal } from '../../http/principal';
import { ClinicService } from '../clinics/clinic.service';
import { DirectoryService } from '../directory/directory.service';
import { PatientService } from '../directory/patient.service';
import { EventIntakeService } from '../intake/event-intake.service';
import { FlowVersionService } from '../flows/flow-version.service';
import { FlowService } from '../flows/flow.service';
import { SettingsService } from '../settings/settings.service';
import { UserService } from '../users/user.service';
import * as demo from './demo-data';
import { DemoSeedRepository } from './demo-seed.repository';
import { errorSummary } from '../../common/logged-error';

const PATIENTS = 40;
const APPOINTMENTS = 120;
const DAYS = 14;
/**
 * Published but left off in the demo: the alternative reminder scheme (70/22/1 h) would double the reminders of
 * the enabled one, the staff notices would e-mail the practitioners about each of the 120 seeded bookings, and
 * the demo's practitioners have no e-mail address for their day lists.
 */
const DISABLED_STARTERS = new Set(['opus-reminders', 'staff-notice', 'practitioner-day-list']);
/**
 * Starters whose messages answer what the patient just did (an online booking): in the demo they go at once,
 * even at night, so a booking posted with the demo API key shows its confirmation within seconds.
 */
const AT_ONCE_STARTERS = new Set(['booking-confirmation']);

/**
 * `SEED_DEMO=true` on an empty database: the demo clinic of the README, with its users, catalogue,
 * patients, two weeks of appointments (posted as PMS events) and the starter flows published and enabled.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly config: ConfigService<Env, true>,
    private readonly seedRuns: DemoSeedRepository,
    private readonly clinics: ClinicService,
    private readonly users: UserService,
    private readonly apiKeys: ApiKeyService,
    private readonly settings: SettingsService,
    private readonly directory: DirectoryService,
    private readonly patients: PatientService,
    private readonly events: EventIntakeService,
    private readonly flows: FlowService,
    private readonly versions: FlowVersionService,
    private readonly clock: ClockRepository,
  ) {}

  async onApplicationBootstrap() {
    if (!this.config.get('SEED_DEMO', { infer: true })) return;
    if (await this.settings.isEmpty()) {
      if (await this.seedRuns.claim(this.clock.now())) return this.seed();
    }
    if (await this.users.isRegistered(demo.DEMO_MANAGER.email)) {
      announce([
        'clinicflow demo clinic',
        `  manager: ${demo.DEMO_MANAGER.email}  password: ${demo.DEMO_MANAGER.password}  (unless changed)`,
        `  staff:   ${demo.DEMO_STAFF.email}  password: ${demo.DEMO_STAFF.password}  (unless changed)`,
      ]);
    }
  }

  async seed() {
    const started = Date.now();
    const { clinicId } = await this.clinics.create({ ...demo.DEMO_CLINIC, manager: demo.DEMO_MANAGER });
    const principal: Principal = { kind: 'user', clinicId, email: demo.DEMO_MANAGER.email, role: 'manager' };
    await this.users.create(clinicId, { ...demo.DEMO_STAFF, role: 'staff' });
    // the demo PMS does all a PMS may: post events, keep the patients and the directory, read the reports
    const { key } = await this.apiKeys.create(principal, 'Demo PMS', API_KEY_SCOPES);

    const ids = await this.catalogue(clinicId);
    await this.settings.update(principal, {
      phone: '+33145678900',
      website: 'https://cabinet-des-lilas.example',
      senders: {
        smsSenderName: 'CabLilas',
        emailFromName: demo.DEMO_CLINIC.name,
        emailFromAddress: 'rdv@cabinet-des-lilas.example',
        voiceCallerNumber: '+33145678900',
        // "CabLilas" is a name nobody can reply to: the reminders' "reply C" questions go from this number.
        smsReplyNumber: '+33757000000',
      },
      quietHours: {
        windows: [{ start: '21:00', end: '08:00' }],
        noSendWeekdays: [7],
        holidays: ['2026-12-25', '2027-01-01'],
      },
      channelToggles: {
        services: { [ids.services['S-HYG']]: { sms: false } },
        resources: { [ids.resources['R-MARTIN']]: { voice: false } },
      },
      adminEmail: 'admin@cabinet-des-lilas.example',
      testMode: true,
    });
    await this.settings.topUp(principal, { credits: 500, note: 'Demo credits' });

    // Flows first: the appointments' events then go through the engine like any PMS's (confirmations due now).
    const published = await this.starterFlows(principal);
    await this.patientsAndAppointments(clinicId);

    this.logger.log(`Demo clinic seeded in ${Date.now() - started} ms`);
    announce([
      `clinicflow demo clinic created: ${demo.DEMO_CLINIC.name} (${demo.DEMO_CLINIC.timeZone})`,
      `  manager: ${demo.DEMO_MANAGER.email}  password: ${demo.DEMO_MANAGER.password}`,
      `  staff:   ${demo.DEMO_STAFF.email}  password: ${demo.DEMO_STAFF.password}`,
      `  PMS API key (shown once, X-Api-Key; events, directory and reports): ${key}`,
      `  ${PATIENTS} patients, ${APPOINTMENTS} appointments over ${DAYS} days, ${published} starter flows published; test mode on (sandbox provider)`,
    ]);
  }

  private async catalogue(clinicId: string) {
    const ids = { services: {} as Record<string, string>, resources: {} as Record<string, string> };
    for (const { externalId, ...fields } of demo.DEMO_SERVICES) {
      ids.services[externalId] = (await this.directory.upsert('services', clinicId, externalId, fields)).id;
    }
    for (const { externalId, ...fields } of demo.DEMO_RESOURCES) {
      ids.resources[externalId] = (await this.directory.upsert('resources', clinicId, externalId, fields)).id;
    }
    for (const { externalId, ...fields } of demo.DEMO_LOCATIONS) {
      await this.directory.upsert('locations', clinicId, externalId, fields);
    }
    return ids;
  }

  /** 40 patients with mixed consent and attendance, then 120 bookings (some confirmed) posted as events. */
  private async patientsAndAppointments(clinicId: string) {
    const random = demo.seededRandom(20260324);
    const now = this.clock.now();
    for (let i = 0; i < PATIENTS; i++) {
      const sms = i % 10 < 7 ? { granted: true } : i % 10 === 7 ? { granted: false } : undefined;
      const patient = await this.patients.upsert(clinicId, `P-${1000 + i}`, {
        firstName: demo.FIRST_NAMES[i % demo.FIRST_NAMES.length],
        lastName: demo.LAST_NAMES[(i * 7) % demo.LAST_NAMES.length],
        mobile: `+33 6 12 34 56 ${String(i).padStart(2, '0')}`,
        email: i % 3 === 0 ? null : `patient${i}@example.org`,
        language: i % 13 === 5 ? 'en' : 'fr',
        consent: {
          ...(sms ? { sms: { ...sms, purposes: ['reminders', 'recall', 'surveys'], source: 'pms' } } : {}),
          ...(i % 3 === 0
            ? {}
            : { email: { granted: true, purposes: ['reminders', 'recall'], source: 'pms' } }),
        },
      } as never);
      const unreliable = i % 5 === 0;
      const visits = unreliable ? 8 : Math.floor(random() * 10);
      const noShows = unreliable ? 3 : Math.floor(random() * 2);
      await this.patients.importAttendance(clinicId, patient.id, {
        attended: visits - Math.min(noShows, visits),
        noShows: Math.min(noShows, visits),
        lastVisitAt:
          visits > 0
            ? DateTime.fromJSDate(now)
                .minus({ days: 30 + Math.floor(random() * 300) })
                .toJSDate()
            : null,
      });
    }

    const today = DateTime.fromJSDate(now, { zone: demo.DEMO_CLINIC.timeZone }).startOf('day');
    const events: object[] = [];
    for (let i = 0; i < APPOINTMENTS; i++) {
      let day = today.plus({ days: 1 + Math.floor((i * DAYS) / APPOINTMENTS) });
      if (day.weekday === 7) day = day.plus({ days: 1 });
      const start = day.set({ hour: 8 + Math.floor(random() * 10), minute: random() < 0.5 ? 0 : 30 });
      const service = demo.DEMO_SERVICES[i % 3];
      const booked = DateTime.fromJSDate(now).minus({ hours: 1 + Math.floor(random() * 72) });
      const appointment = {
        externalId: `A-${5000 + i}`,
        start: start.toISO(),
        end: start.plus({ minutes: service.durationMinutes }).toISO(),
        source: random() < 0.6 ? 'online' : 'staff',
        serviceExternalId: service.externalId,
        resourceExternalId: demo.DEMO_RESOURCES[service.externalId === 'S-HYG' ? 2 : i % 2].externalId,
        locationExternalId: demo.DEMO_LOCATIONS[i % 4 === 3 ? 1 : 0].externalId,
      };
      const patientIndex = Math.floor(random() * PATIENTS);
      events.push({
        id: `demo-${i}-booked`,
        type: 'appointment.booked',
        occurredAt: booked.toISO(),
        appointment,
        patient: { externalId: `P-${1000 + patientIndex}` },
      });
      if (i % 3 === 0) {
        events.push({
          id: `demo-${i}-confirmed`,
          type: 'appointment.confirmed',
          occurredAt: booked.plus({ minutes: 30 }).toISO(),
          appointment: { externalId: appointment.externalId },
        });
      }
    }
    const { results } = await this.events.receiveMany(clinicId, events);
    const rejected = results.filter((r) => !r.accepted);
    if (rejected.length > 0) this.logger.warn(`Demo events refused: ${JSON.stringify(rejected.slice(0, 3))}`);
  }

  /**
   * Every starter flow published; all enabled except DISABLED_STARTERS (those the validator refuses stay drafts).
   */
  private async starterFlows(principal: Principal) {
    let published = 0;
    for (const { key } of this.flows.starters()) {
      let flow = await this.flows.createFromStarter(principal, key);
      try {
        if (AT_ONCE_STARTERS.has(key)) {
          const settings = { ...flow.draft.settings, quietHours: 'ignore' };
          flow = await this.flows.saveDraft(principal, flow.id, flow.revision, { ...flow.draft, settings });
        }
        await this.versions.publish(principal, flow.id, 'Demo: starter flow');
        if (!DISABLED_STARTERS.has(key)) await this.flows.setEnabled(principal.clinicId, flow.id, true);
        published++;
      } catch (error) {
        this.logger.warn(`Starter flow ${key} left as a draft: ${errorSummary(error)}`);
      }
    }
    return published;
  }
}

/** A block on standard output that stands out from the JSON logs. */
function announce(lines: string[]) {
  const rule = '='.repeat(Math.max(...lines.map((l) => l.length)) + 4);
  console.log(['', rule, ...lines.map((l) => `  ${l}`), rule, ''].join('\n'));
}
