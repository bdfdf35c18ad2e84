import { Injectable, NotFoundException } from '@nestjs/common';
import { renderPreview, type PartialMessageContext } from '@clinicflow/channels';
import { simulate, type RenderText } from '@clinicflow/rules';
import { SettingsRepository } from '../settings/settings.repository';
import { clinicContextOf } from './clinic-context';
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
  const context = {
    ...data,
    clinic: { ...(data.clinic as object), language: clinic?.defaultLanguage },
  } as PartialMessageContext;
  const preview = renderPreview({ channel, template: text, language, context });
  return { text: preview.text, subject: preview.subject, errors: preview.errors };
};

type Switches = Partial<Record<'sms' | 'email' | 'voice', boolean>>;

/**
 * The sample's service and practitioner with the clinic's channel toggles (T2) for their ids, as the engine
 * applies them to a real run: a channel is off when the settings or the sample say so.
 */
function withChannelToggles(
  context: Record<string, unknown>,
  toggles: { services: Record<string, Switches>; resources: Record<string, Switches> } | undefined,
): Record<string, unknown> {
  const appointment = context.appointment as { serviceId?: string; resourceId?: string } | undefined;
  const apply = (part: unknown, fallbackId: string | undefined, byId: Record<string, Switches> = {}) => {
    const entry = (part ?? {}) as { id?: string; channels?: Switches };
    const id = entry.id ?? fallbackId;
    const off = Object.entries((id && byId[id]) || {}).filter(([, on]) => on === false);
    if (off.length === 0) return part;
    return { ...entry, id, channels: { ...entry.channels, ...Object.fromEntries(off) } };
  };
  const service = apply(context.service, appointment?.serviceId, toggles?.services);
  const resource = apply(context.resource, appointment?.resourceId, toggles?.resources);
  return {
    ...context,
    ...(service === undefined ? {} : { service }),
    ...(resource === undefined ? {} : { resource }),
  };
}

/** Flow simulation (api.md): context parts left out come from the caller's clinic settings and sample data. */
@Injectable()
export class FlowSimulationService {
  constructor(
    private readonly versions: FlowVersionService,
    private readonly settings: SettingsRepository,
  ) {}

  async simulate(clinicId: string, request: SimulateRequest) {
    const settings = await this.settings.findForClinic(clinicId);
    if (!settings) throw new NotFoundException('This clinic has no settings');
    const context = withChannelToggles(request.context ?? {}, settings.channelToggles);
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
