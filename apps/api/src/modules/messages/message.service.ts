import { Injectable } from '@nestjs/common';
import { renderPreview, type PartialMessageContext } from '@clinicflow/channels';
import { ClockRepository } from '../../common/clock.repository';
import { SettingsRepository } from '../settings/settings.repository';
import type { PreviewInput } from './message.dto';

/** Message preview: renders with the channels library, no side effects. */
@Injectable()
export class MessageService {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly clock: ClockRepository,
  ) {}

  /** Context parts left out are sample data; the clinic, when left out, is the caller's. */
  async preview(clinicId: string, input: PreviewInput) {
    const context = { ...(input.context ?? {}) } as PartialMessageContext;
    if (!context.clinic) {
      const settings = await this.settings.findForClinic(clinicId);
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
