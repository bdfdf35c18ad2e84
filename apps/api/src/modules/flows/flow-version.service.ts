import { Injectable } from '@nestjs/common';
import { DAILY_TRIGGER_EVENT, isBlockingProblem } from '@clinicflow/rules';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import type { Principal } from '../../http/principal';
import { AuditService } from '../audit/audit.service';
import { diffFlows } from './flow-diff';
import type { FlowDocument } from './flow.dto';
import { FlowVersion, FlowVersionRepository } from './flow.repository';
import { flowTarget, FlowService, toFlowView } from './flow.service';

/** Whether a flow starts on the daily trigger (F10): the engine then looks at it every minute. */
function startsDaily(flow: FlowDocument): boolean {
  const trigger = flow.nodes.find((node) => node.type === 'trigger');
  const events = (trigger?.data as { events?: unknown } | undefined)?.events;
  return Array.isArray(events) && events.includes(DAILY_TRIGGER_EVENT);
}

function toVersionView(version: FlowVersion, withFlow = true) {
  const { _id: _i, clinicId: _c, flow, ...rest } = version;
  return withFlow ? { ...rest, flow } : rest;
}

/** Published versions: immutable and numbered; publish refuses a draft with errors (not warnings); diff and restore. */
@Injectable()
export class FlowVersionService {
  constructor(
    private readonly flowService: FlowService,
    private readonly versions: FlowVersionRepository,
    private readonly clock: ClockRepository,
    private readonly audit: AuditService,
  ) {}

  /** Publishes the draft as the next version; the number is won by inserting `<flow>#v<N>`. */
  async publish(principal: Principal, flowId: string, note: string) {
    const flow = await this.flowService.get(principal.clinicId, flowId);
    const { valid, problems } = await this.flowService.validate(principal.clinicId, flow.draft);
    if (!valid) {
      throw AppError.invalid(
        problems.filter(isBlockingProblem).map((p) => ({
          path: p.path ? `draft.${p.path}` : 'draft',
          message: p.message,
          nodeId: p.nodeId,
          code: p.code,
          params: p.params,
        })),
        'The draft has problems; fix them before publishing',
      );
    }
    for (let version = (flow.latestVersion ?? 0) + 1; ; version++) {
      const stored = {
        flowId,
        version,
        note,
        flow: flow.draft,
        publishedAt: this.clock.now(),
        publishedBy: principal.email ?? 'system',
      };
      if (await this.versions.publish(principal.clinicId, stored)) {
        await this.flowService.published(principal.clinicId, flowId, version, startsDaily(flow.draft));
        await this.audit.record(principal, {
          action: 'flow.published',
          target: flowTarget(flow),
          details: { version },
        });
        return toVersionView(stored as FlowVersion, false);
      }
    }
  }

  async list(clinicId: string, flowId: string) {
    await this.flowService.get(clinicId, flowId);
    const versions = await this.versions.ofFlow(clinicId, flowId);
    return versions.map((v) => toVersionView(v, false));
  }

  async get(clinicId: string, flowId: string, version: number) {
    return toVersionView(await this.find(clinicId, flowId, version));
  }

  async diff(clinicId: string, flowId: string, from: number | 'draft', to: number | 'draft') {
    const [before, after] = await Promise.all([
      this.document(clinicId, flowId, from),
      this.document(clinicId, flowId, to),
    ]);
    return { from, to, ...diffFlows(before, after) };
  }

  /** Copies a version into the draft (a new draft revision); `revision`, when given, must be the current one. */
  async restore(principal: Principal, flowId: string, version: number, revision?: number) {
    const flow = await this.flowService.get(principal.clinicId, flowId);
    const source = await this.find(principal.clinicId, flowId, version);
    const restored =
      revision !== undefined && revision !== flow.revision
        ? await this.flowService.saveDraft(principal, flowId, revision, source.flow)
        : toFlowView(await this.flowService.writeDraft(principal, flow, source.flow));
    await this.audit.record(principal, {
      action: 'flow.restored',
      target: flowTarget(flow),
      details: { version },
    });
    return restored;
  }

  /** The document of a version, or of the draft. */
  async document(clinicId: string, flowId: string, ref: number | 'draft'): Promise<FlowDocument> {
    if (ref === 'draft') return (await this.flowService.get(clinicId, flowId)).draft;
    return (await this.find(clinicId, flowId, ref)).flow;
  }

  /** A published version as stored (runs use it), or null when it does not exist. */
  findVersion(clinicId: string, flowId: string, version: number): Promise<FlowVersion | null> {
    return this.versions.find(clinicId, flowId, version);
  }

  private async find(clinicId: string, flowId: string, version: number) {
    const found = await this.versions.find(clinicId, flowId, version);
    if (!found) throw AppError.notFound(`Flow ${flowId} has no version ${version}`);
    return found;
  }
}
