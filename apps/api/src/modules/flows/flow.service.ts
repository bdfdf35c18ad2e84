import { Injectable } from '@nestjs/common';
import { replyRouteCheck } from '@clinicflow/channels';
import { isBlockingProblem, starterFlows, validateFlow } from '@clinicflow/rules';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import { newId } from '../../common/ids';
import type { Principal } from '../../http/principal';
import { AuditService } from '../audit/audit.service';
import { SettingsService } from '../settings/settings.service';
import type { FlowDocument } from './flow.dto';
import { FlowRepository, FlowRevisionClaim, FlowRevisionRepository, StoredFlow } from './flow.repository';

export function toFlowView(flow: StoredFlow) {
  const { _id, clinicId: _clinicId, dailyTrigger: _daily, ...rest } = flow;
  return { id: _id, ...rest };
}

function toFlowSummary(flow: StoredFlow) {
  const { draft, problems, ...rest } = toFlowView(flow);
  // warnings do not count: the list says how many problems stand between the draft and publishing
  const problemCount = problems.filter(isBlockingProblem).length;
  return { ...rest, name: draft.name, description: draft.description ?? null, problemCount };
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
    private readonly settings: SettingsService,
    private readonly clock: ClockRepository,
    private readonly audit: AuditService,
  ) {}

  async list(clinicId: string) {
    return (await this.flows.ofClinic(clinicId)).map(toFlowSummary);
  }

  async get(clinicId: string, id: string): Promise<StoredFlow> {
    const flow = await this.flows.findById(clinicId, id);
    if (!flow) throw AppError.notFound(`No flow ${id}`);
    return flow;
  }

  async view(clinicId: string, id: string) {
    return toFlowView(await this.get(clinicId, id));
  }

  async create(principal: Principal, document: FlowDocument, starterKey: string | null = null) {
    const now = this.clock.now();
    const by = principal.email ?? 'system';
    const id = newId();
    const flow = await this.flows.add(principal.clinicId, {
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
    await this.revisions.claim(principal.clinicId, id, 1, now, by);
    return toFlowView(flow);
  }

  /**
   * Saves a draft made from `revision`; 409 naming who changed it when someone saved in between, and whether
   * that was the same user on the same editor page (`editorSession`).
   */
  async saveDraft(
    principal: Principal,
    id: string,
    revision: number,
    document: FlowDocument,
    editorSession?: string,
  ) {
    const current = await this.get(principal.clinicId, id);
    if (current.revision !== revision) {
      const claim = await this.revisions.find(principal.clinicId, id, current.revision);
      throw this.staleDraft(
        principal,
        current.revision,
        {
          savedBy: claim?.savedBy ?? current.updatedBy,
          savedAt: claim?.savedAt ?? current.updatedAt,
          editorSession: claim?.editorSession,
        },
        editorSession,
      );
    }
    return toFlowView(await this.writeDraft(principal, current, document, editorSession));
  }

  /** Replaces the draft (restore, starter) at its current revision, through the same claim as a save. */
  async writeDraft(
    principal: Principal,
    current: StoredFlow,
    document: FlowDocument,
    editorSession?: string,
  ): Promise<StoredFlow> {
    const now = this.clock.now();
    const by = principal.email ?? 'system';
    const next = current.revision + 1;
    if (!(await this.revisions.claim(principal.clinicId, current._id, next, now, by, editorSession))) {
      const winner = await this.revisions.find(principal.clinicId, current._id, next);
      throw this.staleDraft(
        principal,
        next,
        {
          savedBy: winner?.savedBy ?? 'someone',
          savedAt: winner?.savedAt ?? now,
          editorSession: winner?.editorSession,
        },
        editorSession,
      );
    }
    return (await this.flows.change(principal.clinicId, current._id, {
      draft: document,
      revision: next,
      ...(await this.validate(principal.clinicId, document)),
      updatedAt: now,
      updatedBy: by,
    }))!;
  }

  async remove(clinicId: string, id: string) {
    if (!(await this.flows.remove(clinicId, id))) throw AppError.notFound(`No flow ${id}`);
    return { deleted: true };
  }

  /** A manager deletes a flow (`DELETE /api/flows/:id`): recorded in the audit trail. */
  async removeBy(principal: Principal, id: string) {
    const flow = await this.get(principal.clinicId, id);
    const answer = await this.remove(principal.clinicId, id);
    await this.audit.record(principal, { action: 'flow.deleted', target: flowTarget(flow) });
    return answer;
  }

  /** A manager enables or disables a flow (`POST /api/flows/:id/enable|disable`): recorded in the audit trail. */
  async setEnabledBy(principal: Principal, id: string, enabled: boolean) {
    const view = await this.setEnabled(principal.clinicId, id, enabled);
    await this.audit.record(principal, {
      action: enabled ? 'flow.enabled' : 'flow.disabled',
      target: flowTarget(await this.get(principal.clinicId, id)),
      details: { version: view.latestVersion ?? null },
    });
    return view;
  }

  /** Enables (runs the latest published version on new events) or disables a flow. */
  async setEnabled(clinicId: string, id: string, enabled: boolean) {
    const flow = await this.get(clinicId, id);
    if (enabled && flow.latestVersion === null) {
      throw AppError.invalid(
        [{ path: 'flow.latestVersion', message: 'the flow has no published version' }],
        'Publish the flow before enabling it',
      );
    }
    return toFlowView((await this.flows.change(clinicId, id, { enabled }))!);
  }

  /** The enabled flows that have a published version (those new events start). */
  enabledPublished(clinicId: string): Promise<StoredFlow[]> {
    return this.flows.enabledPublished(clinicId);
  }

  /** The clinic's flows' names by id. */
  names(clinicId: string): Promise<Map<string, string>> {
    return this.flows.names(clinicId);
  }

  /** The names on the clinic's step cards, by `<flowId>#<nodeId>` (the export's "step" column). */
  stepNames(clinicId: string): Promise<Map<string, string>> {
    return this.flows.stepNames(clinicId);
  }

  /** A version was published: the flow runs it from now on (when enabled); `daily`: it starts every day (F10). */
  published(clinicId: string, id: string, version: number, daily = false): Promise<void> {
    return this.flows.published(clinicId, id, version, daily);
  }

  /** Every clinic's enabled flows ever published with a daily trigger (the engine checks their latest version). */
  withDailyTrigger() {
    return this.flows.withDailyTrigger();
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
    if (!starter) throw AppError.notFound(`No starter flow ${key}`);
    const { id: _id, ...document } = starter.flow;
    return this.create(principal, document as FlowDocument, key);
  }

  /** The rules library's verdict on a document, with the clinic's default language and reply routes. */
  async validate(clinicId: string, document: FlowDocument) {
    const settings = await this.settings.find(clinicId);
    // A question is refused when its answer cannot come back as the clinic is set up (F4).
    const replyRoute = settings ? replyRouteCheck(this.settings.replyRoutes(settings)) : undefined;
    const result = validateFlow(document, { defaultLanguage: settings?.defaultLanguage, replyRoute });
    return { valid: result.valid, problems: result.problems };
  }

  /**
   * The 409 of a stale draft. Its problem carries `code: 'draft-stale'` and the details an editor words itself:
   * who saved the newer revision and when, and `sameSession` when it was the caller on the same editor page.
   */
  private staleDraft(
    principal: Principal,
    revision: number,
    saved: Pick<FlowRevisionClaim, 'savedBy' | 'savedAt' | 'editorSession'>,
    editorSession: string | undefined,
  ) {
    const { savedBy: by, savedAt: at } = saved;
    const sameSession =
      editorSession !== undefined && saved.editorSession === editorSession && by === principal.email;
    return AppError.conflict(
      `The draft was changed by ${by} at ${at.toISOString()} (revision ${revision}); reload it before saving`,
      [
        {
          path: 'body.revision',
          message: `the draft is at revision ${revision}`,
          code: 'draft-stale',
          params: { revision, by, at: at.toISOString(), sameSession },
        },
      ],
    );
  }
}

/** A flow as the audit trail names it: its id and name. */
export function flowTarget(flow: Pick<StoredFlow, '_id' | 'draft'>) {
  return { type: 'flow', id: flow._id, label: flow.draft.name };
}
