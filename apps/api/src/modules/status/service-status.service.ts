import { Injectable } from '@nestjs/common';
import { CHANNELS, type Channel, type ConsentMode } from '@clinicflow/contract';
import { DateTime } from 'luxon';
import { ClockRepository } from '../../common/clock.repository';
import { DeliveryQueueService } from '../deliveries/delivery-queue.service';
import { DeliveryStatsRepository } from '../deliveries/delivery-stats.repository';
import { PatientService } from '../directory/patient.service';
import { EventService } from '../events/event.service';
import { SettingsService } from '../settings/settings.service';

/** Events set aside listed at most (the oldest; the count says how many there are). */
const SET_ASIDE_LISTED = 20;

/**
 * Service status (S8): is the clinic's messaging working, per channel, and is the dispatcher keeping up; in
 * opt-in mode, how many patients have no consent on each channel (T3).
 */
@Injectable()
export class ServiceStatusService {
  constructor(
    private readonly status: DeliveryStatsRepository,
    private readonly queue: DeliveryQueueService,
    private readonly settings: SettingsService,
    private readonly patients: PatientService,
    private readonly events: EventService,
    private readonly clock: ClockRepository,
  ) {}

  async get(clinicId: string) {
    const now = this.clock.now();
    const settings = await this.settings.get(clinicId);
    const today = DateTime.fromJSDate(now, { zone: settings.timeZone }).startOf('day').toJSDate();
    const [waiting, sentToday, oldest, perChannel, consent, eventsSetAside] = await Promise.all([
      this.status.waitingByChannel(clinicId),
      this.status.sentSinceByChannel(clinicId, today),
      this.queue.oldestDue(clinicId, now),
      Promise.all(
        CHANNELS.map(async (channel) => ({
          channel,
          lastSent: await this.status.lastSent(clinicId, channel),
          lastError: await this.status.lastError(clinicId, channel),
        })),
      ),
      this.consent(clinicId, settings.consent.mode),
      this.events.setAside(clinicId, SET_ASIDE_LISTED),
    ]);
    const channels = Object.fromEntries(
      perChannel.map(({ channel, lastSent, lastError }) => [
        channel,
        {
          enabled: settings.channels[channel] ?? false,
          provider: settings.providers[channel]?.kind ?? null,
          lastSentAt: lastSent?.sentAt ?? null,
          lastError: lastError?.error
            ? {
                at: lastError.updatedAt,
                deliveryId: lastError._id,
                code: lastError.error.code,
                reason: lastError.error.reason,
              }
            : null,
          waiting: waiting[channel] ?? 0,
          sentToday: sentToday[channel] ?? 0,
        },
      ]),
    );
    return {
      at: now,
      communicationsEnabled: settings.communicationsEnabled,
      testMode: settings.testMode,
      waiting: Object.values(waiting).reduce((sum, n) => sum + n, 0),
      sentToday: Object.values(sentToday).reduce((sum, n) => sum + n, 0),
      oldestDueAt: oldest?.dueAt ?? null,
      dispatcherLagSeconds: oldest
        ? Math.max(0, Math.round((now.getTime() - oldest.dueAt.getTime()) / 1000))
        : 0,
      channels,
      consent,
      eventsSetAside,
    };
  }

  /**
   * T3 at a glance: in opt-in mode a patient without consent on a channel gets nothing on it, so the clinic
   * sees how many they are (counted only then: elsewhere the numbers would change nothing).
   */
  private async consent(clinicId: string, mode: ConsentMode) {
    if (mode !== 'opt-in') return { mode, patients: null, withoutConsent: null };
    const { patients, consenting } = await this.patients.consentCounts(clinicId);
    const withoutConsent = Object.fromEntries(
      CHANNELS.map((channel) => [channel, Math.max(0, patients - consenting[channel])]),
    ) as Record<Channel, number>;
    return { mode, patients, withoutConsent };
  }
}
