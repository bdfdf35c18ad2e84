import { Injectable } from '@nestjs/common';
import { renderPreview, type PartialMessageContext } from '@clinicflow/channels';
import { ClockRepository } from '../../common/clock.repository';
import { SettingsService } from '../settings/settings.service';
import type { PreviewInput } from './message.dto';

/** Message preview: renders with the channels library, no side effects. */
@Injectable()
export class MessageService {
  constructor(
    private readonly settings: SettingsService,
    private readonly clock: ClockRepository,
  ) {}

  /** Context parts left out are sample data; the clinic, when left out, is the caller's. */
  async preview(clinicId: string, input: PreviewInput) {
    const context = { ...(input.context ?? {}) } as PartialMessageContext;
    if (!context.clinic) {
      const settings = await this.settings.find(clinicId);
      if (settings) {
        context.clinic = {
          name: settings.name,
          ...(settings.phone ? { phone: settings.phone } : {}),
          ...(settings.website ? { website: settings.website } : {}),
          timeZone: settings.timeZone,
          country: settings.country,
        };
      }
    }
    return renderPreview({ ...input, context, now: this.clock.now() });
  }
}
