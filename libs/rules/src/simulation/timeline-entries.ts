import type { EvaluationResult, PlannedDelivery, RunStep } from '../evaluation/evaluation.types';
import type { Flow } from '../flow/flow.schema';
import { reasonOf } from '../evaluation/reason';
import type { RenderText } from './render-text';
import type { TimelineEntry } from './timeline-entry';

/** A timeline line before its local time is added, with the delivery it shows, if any. */
export interface PendingEntry {
  entry: Omit<TimelineEntry, 'local'>;
  delivery: PlannedDelivery | null;
}

/** Renders a delivery's text with the injected renderer; a failure becomes the reason. */
function renderDelivery(
  delivery: PlannedDelivery,
  render: RenderText,
  data: Record<string, unknown>,
): { text: string | null; subject: string | null; error: string | null } {
  try {
    const rendered = render({
      nodeId: delivery.nodeId,
      channel: delivery.channel,
      template: delivery.template,
      language: delivery.language,
      data,
    });
    const error = rendered.errors?.length ? rendered.errors.map((e) => e.message).join('; ') : null;
    return { text: rendered.text ?? null, subject: rendered.subject ?? null, error };
  } catch (error) {
    return { text: null, subject: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Turns the steps of one evaluation into timeline lines; updates and webhooks are told on the line before them. */
export function timelineEntries(
  result: EvaluationResult,
  flow: Flow,
  render: RenderText,
  data: Record<string, unknown>,
): PendingEntry[] {
  const out: PendingEntry[] = [];
  const flowId = flow.id ?? null;
  const nodes = new Map(flow.nodes.map((node) => [node.id, node]));
  const channelOf = (step: RunStep) => {
    const node = nodes.get(step.nodeId);
    return node?.type === 'send' || node?.type === 'ask'
      ? { channel: node.data.channel, recipient: node.data.recipient.type }
      : { channel: null, recipient: null };
  };
  for (const step of result.steps) {
    const base = {
      at: step.at,
      nodeId: step.nodeId,
      text: null,
      reason: step.reason,
      why: step.why ?? null,
      flowId,
      exit: step.exit,
    };
    if (step.kind === 'update' || step.kind === 'webhook') {
      const previous = out[out.length - 1]?.entry;
      const url = (nodes.get(step.nodeId)?.data as { url?: string } | undefined)?.url;
      const said = step.kind === 'update' ? (step.reason ?? '') : `posted to ${url ?? 'the webhook'}`;
      const why = step.kind === 'update' ? step.why : reasonOf('webhook-posted', { url });
      if (previous) {
        previous.reason = previous.reason ? `${previous.reason}; ${said}` : said;
        if (why) previous.also = [...(previous.also ?? []), why];
      }
      continue;
    }
    if (step.outcome === 'skipped') {
      out.push({ entry: { ...base, kind: 'skip', status: 'skipped', ...channelOf(step) }, delivery: null });
    } else if (step.delivery) {
      const delivery = step.delivery;
      const rendered = renderDelivery(delivery, render, data);
      const reason =
        [delivery.note, rendered.error && `text could not be rendered: ${rendered.error}`]
          .filter(Boolean)
          .join('; ') || null;
      out.push({
        entry: {
          ...base,
          kind: 'send',
          status: 'planned',
          channel: delivery.channel,
          recipient: delivery.recipient.type,
          text: rendered.text,
          subject: rendered.subject,
          reason,
          // a text that could not be rendered says so in words only (its errors are the template's own)
          why: rendered.error ? null : (delivery.noteWhy ?? null),
          expiresAt: delivery.expiresAt,
        },
        delivery,
      });
    } else if (step.kind === 'reply') {
      out.push({
        entry: { ...base, kind: 'reply', status: 'planned', channel: null, recipient: 'patient' },
        delivery: null,
      });
    } else {
      // a ladder's rung reached or given up reads as a decision, like a condition's
      const kind =
        step.kind === 'send' || step.kind === 'ask'
          ? 'send'
          : step.kind === 'reach'
            ? 'condition'
            : step.kind;
      out.push({
        entry: { ...base, kind, status: 'planned', channel: null, recipient: null },
        delivery: null,
      });
    }
  }
  return out;
}
