import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { starterFlows, validateFlow } from '@clinicflow/rules';
import { ClockRepository } from '../../common/clock.repository';
import { isDuplicateKeyError, newId } from '../../common/ids';
import type { Principal } from '../auth/principal';
import { SettingsRepository } from '../settings/settings.repository';
import type { FlowDocument } from './flow.dto';
import { FlowRepository, FlowRevisionRepository, StoredFlow } from './flow.repository';

export function toFlowView(flow: StoredFlow) {
  const { _id, clinicId: _clinicId, ...rest } = flow;
  return { id: _id, ...rest };
}

function toFlowSummary(flow: StoredFlow) {
  const { draft, problems, ...rest } = toFlowView(flow);
  return { ...rest, name: draft.name, description: draft.description ?? null, problemCount: problems.length };
}

/**
 * Flows and their drafts. Every save is validated by the rules library and answered with its problems, but
 * a draft is always stored. Drafts use optimistic concurrency: a save names the revision it started from,
 * and the right to write revision N+1 is won by inserting `<flow>#r<N+1>` (atomic on every database).
 */
@Injectable()
export class FlowService {
  constructor(
    private readonly flows: FlowRepository,
    private readonly revisions: FlowRevisionRepository,
    private readonly settings: SettingsRepository,
    private readonly clock: ClockRepository,
  ) {}

  async list(clinicId: string) {
    return (await this.flows.findMany(clinicId, {}, { createdAt: 1 })).map(toFlowSummary);
  }

  async get(clinicId: string, id: string): Promise<StoredFlow> {
    const flow = await this.flows.findById(clinicId, id);
    if (!flow) throw new NotFoundException(`No flow ${id}`);
    return flow;
  }

  async view(clinicId: string, id: string) {
    return toFlowView(await this.get(clinicId, id));
  }

  async create(principal: Principal, document: FlowDocument, starterKey: string | null = null) {
    const now = this.clock.now();
    const by = principal.email ?? 'system';
    const id = newId();
    const flow = await this.flows.insert(principal.clinicId, {
      _id: id,
      draft: document,
      revision: 1,
      ...(await this.validate(principal.clinicId, document)),
      enabled: false,
      latestVersion: null,
      starterKey,
      createdAt: now,
      createdBy: by,
      updatedAt: now,
      updatedBy: by,
    });
    await this.revisions.insert(principal.clinicId, {
      _id: `${id}#r1`,
      flowId: id,
      revision: 1,
      savedAt: now,
      savedBy: by,
    });
    return toFlowView(flow);
  }

  /** Saves a draft made from `revision`; 409 naming who changed it when someone saved in between. */
  async saveDraft(principal: Principal, id: string, revision: number, document: FlowDocument) {
    const current = await this.get(principal.clinicId, id);
    if (current.revision !== revision)
      throw this.staleDraft(current.revision, current.updatedBy, current.updatedAt);
    return toFlowView(await this.writeDraft(principal, current, document));
  }

  /** Replaces the draft (restore, starter) at its current revision, through the same claim as a save. */
  async writeDraft(principal: Principal, current: StoredFlow, document: FlowDocument): Promise<StoredFlow> {
    const now = this.clock.now();
    const by = principal.email ?? 'system';
    const next = current.revision + 1;
    try {
      await this.revisions.insert(principal.clinicId, {
        _id: `${current._id}#r${next}`,
        flowId: current._id,
        revision: next,
        savedAt: now,
        savedBy: by,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const winner = await this.revisions.findById(principal.clinicId, `${current._id}#r${next}`);
      throw this.staleDraft(next, winner?.savedBy ?? 'someone', winner?.savedAt ?? now);
    }
    return (await this.flows.updateById(principal.clinicId, current._id, {
      $set: {
        draft: document,
        revision: next,
        ...(await this.validate(principal.clinicId, document)),
        updatedAt: now,
        updatedBy: by,
      },
    }))!;
  }

  async remove(clinicId: string, id: string) {
    if (!(await this.flows.deleteById(clinicId, id))) throw new NotFoundException(`No flow ${id}`);
    return { deleted: true };
  }

  /** Enables (runs the latest published version on new events) or disables a flow. */
  async setEnabled(clinicId: string, id: string, enabled: boolean) {
    const flow = await this.get(clinicId, id);
    if (enabled && flow.latestVersion === null) {
      throw new BadRequestException({
        message: 'Publish the flow before enabling it',
        errors: [{ path: 'flow.latestVersion', message: 'the flow has no published version' }],
      });
    }
    const updated = await this.flows.updateById(clinicId, id, { $set: { enabled } });
    return toFlowView(updated!);
  }

  starters() {
    return starterFlows.map(({ key, features, flow }) => ({
      key,
      name: flow.name,
      description: flow.description ?? null,
      features,
      flow,
    }));
  }

  /** A new draft from a starter flow of the gallery. */
  async createFromStarter(principal: Principal, key: string) {
    const starter = starterFlows.find((s) => s.key === key);
    if (!starter) throw new NotFoundException(`No starter flow ${key}`);
    const { id: _id, ...document } = starter.flow;
    return this.create(principal, document as FlowDocument, key);
  }

  /** The rules library's verdict on a document, with the clinic's default language. */
  async validate(clinicId: string, document: FlowDocument) {
    const settings = await this.settings.findForClinic(clinicId);
    const result = validateFlow(document, { defaultLanguage: settings?.defaultLanguage });
    return { valid: result.valid, problems: result.problems };
  }

  private staleDraft(revision: number, by: string, at: Date) {
    return new ConflictException({
      message: `The draft was changed by ${by} at ${at.toISOString()} (revision ${revision}); reload it before saving`,
      errors: [{ path: 'body.revision', message: `the draft is at revision ${revision}` }],
    });
  }
}
