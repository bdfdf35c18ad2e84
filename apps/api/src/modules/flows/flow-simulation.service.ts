import { Injectable } from '@nestjs/common';
import { ownAppointmentDay, renderPreview, type PartialMessageContext } from '@clinicflow/channels';
import { applyChannelToggles, simulate, type RenderText } from '@clinicflow/rules';
import { SettingsService } from '../settings/settings.service';
import { clinicContextOf } from '../settings/clinic-context';
import type { SimulateRequest, SimulateSavedRequest } from './flow.dto';
import { FlowVersionService } from './flow-version.service';

/**
 * Renders a simulated message with the channels library (strict templates, dates in the patient's language).
 * Saved templates referenced by id are shown by their id until the engine resolves them.
 */
export const renderWithChannels: RenderText = ({ channel, template, language, data }) => {
  const text = template.byLanguage?.[language] ?? Object.values(template.byLanguage ?? {})[0];
  if (!text) return { text: template.templateId ? `[template ${template.templateId}]` : null };
  const clinic = data.clinic as { defaultLanguage?: string } | undefined;
  // the message's own appointment (a simulation merges no reminders), not the preview's sample list
  const day = ownAppointmentDay(data);
  const context = {
    ...data,
    ...(day ? { appointments: day } : {}),
    clinic: { ...(data.clinic as object), language: clinic?.defaultLanguage },
  } as PartialMessageContext;
  const preview = renderPreview({ channel, template: text, language, context });
  return { text: preview.text, subject: preview.subject, errors: preview.errors };
};

/** Flow simulation (api.md): context parts left out come from the caller's clinic settings and sample data. */
@Injectable()
export class FlowSimulationService {
  constructor(
    private readonly versions: FlowVersionService,
    private readonly settings: SettingsService,
  ) {}

  async simulate(clinicId: string, request: SimulateRequest) {
    const settings = await this.settings.get(clinicId);
    const context = applyChannelToggles(request.context ?? {}, settings.channelToggles);
    const clinic = { ...clinicContextOf(settings), ...((context.clinic as object | undefined) ?? {}) };
    const result = simulate({ ...request, context: { ...context, clinic } }, { render: renderWithChannels });
    return {
      ...result,
      errors: result.errors.map((e) => ({ nodeId: e.nodeId, path: e.path, message: e.message })),
    };
  }

  async simulateSaved(clinicId: string, flowId: string, request: SimulateSavedRequest) {
    const { version, ...rest } = request;
    const flow = await this.versions.document(clinicId, flowId, version);
    return this.simulate(clinicId, { ...rest, flow });
  }
}
