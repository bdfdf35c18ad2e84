import { Injectable } from '@nestjs/common';
import { CHANNELS } from '@clinicflow/contract';
import { DateTime } from 'luxon';
import { ClockRepository } from '../../common/clock.repository';
import { DeliveryQueueService } from '../deliveries/delivery-queue.service';
import { DeliveryStatsRepository } from '../deliveries/delivery-stats.repository';
import { SettingsService } from '../settings/settings.service';

/** Service status (S8): is the clinic's messaging working, per channel, and is the dispatcher keeping up. */
@Injectable()
export class ServiceStatusService {
  constructor(
    private readonly status: DeliveryStatsRepository,
    private readonly queue: DeliveryQueueService,
    private readonly settings: SettingsService,
    private readonly clock: ClockRepository,
  ) {}

  async get(clinicId: string) {
    const now = this.clock.now();
    const settings = await this.settings.get(clinicId);
    const today = DateTime.fromJSDate(now, { zone: settings.timeZone }).startOf('day').toJSDate();
    const [waiting, sentToday, oldest, perChannel] = await Promise.all([
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
    };
  }
}
