import { Injectable } from '@nestjs/common';
import { flowSchema, type Flow, type FlowNodeOf } from '@clinicflow/rules';
import { FlowVersionService } from '../flows/flow-version.service';
import { FlowService } from '../flows/flow.service';
import type { ContextNeeds } from './evaluation-context.service';

/** A published flow version ready for the evaluator, with what its context needs. */
export interface RunnableFlow {
  flowId: string;
  version: number;
  flow: Flow;
  trigger: FlowNodeOf<'trigger'>;
  needs: ContextNeeds;
  /** When this version was published (a daily trigger fires only at moments after it). */
  publishedAt: Date;
}

const CACHE_LIMIT = 2_000;

/**
 * The flows runs use: the enabled flows of a clinic at their latest published version (for new runs), and
 * any version by number (a run keeps the version it started with). Versions are immutable, so parsed ones
 * are kept in memory.
 */
@Injectable()
export class RunFlowsService {
  private readonly parsed = new Map<string, RunnableFlow | null>();

  constructor(
    private readonly flows: FlowService,
    private readonly versions: FlowVersionService,
  ) {}

  /** Enabled flows whose published version starts on this event type. */
  async startingOn(clinicId: string, eventType: string): Promise<RunnableFlow[]> {
    const enabled = await this.flows.enabledPublished(clinicId);
    const runnable = await Promise.all(
      enabled.map((flow) => this.version(clinicId, flow._id, flow.latestVersion!)),
    );
    return runnable.filter(
      (flow): flow is RunnableFlow =>
        flow !== null && (flow.trigger.data.events as string[]).includes(eventType),
    );
  }

  /** A published version, or null when it does not exist (or no longer parses as a flow). */
  async version(clinicId: string, flowId: string, version: number): Promise<RunnableFlow | null> {
    const id = `${flowId}#v${version}`;
    const cached = this.parsed.get(`${clinicId}/${id}`);
    if (cached !== undefined) return cached;
    const stored = await this.versions.findVersion(clinicId, flowId, version);
    if (!stored) return null;
    const parsed = flowSchema.safeParse({ ...stored.flow, id: flowId });
    const trigger = parsed.success ? parsed.data.nodes.find((n) => n.type === 'trigger') : undefined;
    const runnable =
      parsed.success && trigger
        ? {
            flowId,
            version,
            flow: parsed.data,
            trigger: trigger as FlowNodeOf<'trigger'>,
            needs: needsOf(parsed.data),
            publishedAt: stored.publishedAt,
          }
        : null;
    if (this.parsed.size >= CACHE_LIMIT) this.parsed.clear();
    this.parsed.set(`${clinicId}/${id}`, runnable);
    return runnable;
  }
}

/** The costly context part a flow can use (a scan on FerretDB, so only read when needed). */
function needsOf(flow: Flow): ContextNeeds {
  const text = JSON.stringify(flow.nodes);
  return { nextAppointment: text.includes('has-future-appointment') || text.includes('nextAppointmentAt') };
}
