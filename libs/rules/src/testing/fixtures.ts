import type { EvaluationContext } from '../context/evaluation-context.schema';
import { sampleContext } from '../context/sample-context';
import type { FlowNode } from '../flow/flow-node.schema';
import type { Flow } from '../flow/flow.schema';
import type { TriggerEvent } from '../flow/flow-parts.schema';
import type { SendData } from '../flow/send-node.schema';
import type { WaitData } from '../flow/wait-node.schema';

/** Test data: a context built from the sample with overrides per part. */
export function contextWith(
  overrides: Partial<{ [K in keyof EvaluationContext]: Partial<NonNullable<EvaluationContext[K]>> }> = {},
): EvaluationContext {
  const base = {
    ...sampleContext,
    event: { type: 'appointment.booked', at: '2026-05-07T07:00:00Z' },
  } as EvaluationContext;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = (base as Record<string, unknown>)[key];
    out[key] =
      value === undefined || Array.isArray(value) || typeof current !== 'object'
        ? value
        : { ...(current as object), ...(value as object) };
  }
  return out as EvaluationContext;
}

/** A send step's data with an SMS to the patient in French and English. */
export function smsData(overrides: Partial<SendData> = {}): SendData {
  return {
    channel: 'sms',
    recipient: { type: 'patient' },
    template: {
      byLanguage: {
        fr: { body: 'Bonjour {{patient.firstName}}' },
        en: { body: 'Hello {{patient.firstName}}' },
      },
    },
    ...overrides,
  };
}

/** A straight flow: trigger → steps in order → end. */
export function straightFlow(
  steps: FlowNode[],
  events: TriggerEvent[] = ['appointment.booked'],
  id = 'test-flow',
): Flow {
  const nodes: FlowNode[] = [
    { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, data: { events } },
    ...steps,
    { id: 'end', type: 'end', position: { x: 0, y: 999 } },
  ];
  const edges = nodes
    .slice(1)
    .map((node, i) => ({ id: `e${i}`, source: nodes[i].id, target: node.id, sourceHandle: null }));
  return { id, name: id, nodes, edges };
}

/** A wait step. */
export function waitNode(id: string, data: Partial<WaitData>): FlowNode {
  return {
    id,
    type: 'wait',
    position: { x: 0, y: 0 },
    data: { relativeTo: 'appointment-start', direction: 'before', amount: 24, unit: 'hours', ...data },
  };
}

/** A send step. */
export function sendNode(id: string, data: Partial<SendData> = {}): FlowNode {
  return { id, type: 'send', position: { x: 0, y: 0 }, data: smsData(data) };
}

/** The five zones of the daylight-saving properties: both hemispheres, and Buenos Aires, which keeps one offset. */
export const dstZones = [
  'Europe/Paris',
  'Europe/Oslo',
  'America/New_York',
  'Australia/Sydney',
  'America/Argentina/Buenos_Aires',
] as const;

/** The 2026 days on which one of `dstZones` changes its offset. */
export const dstChangeDays2026 = [
  '2026-03-08',
  '2026-03-29',
  '2026-04-05',
  '2026-10-04',
  '2026-10-25',
  '2026-11-01',
] as const;
