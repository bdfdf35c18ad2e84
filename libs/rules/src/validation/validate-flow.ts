import type { z } from 'zod';
import type { RulesProblem } from '../errors/rules-error';
import { flowSchema, type Flow } from '../flow/flow.schema';
import { dailyTriggerProblems } from './daily-trigger-problems';
import { flowWarnings } from './flow-warnings';
import { graphProblems } from './graph-problems';
import { nodeProblems } from './node-problems';
import type { ReplyRouteCheck } from './reply-route';
import { stepName } from './step-name';

/** What the validator may know about the clinic. */
export interface FlowValidationOptions {
  /** The clinic's default language: every message must have a template in it. */
  defaultLanguage?: string;
  /** Whether a question's answer can come back on its channel, as the clinic is set up (F4); absent: not checked. */
  replyRoute?: ReplyRouteCheck;
}

/**
 * The validator's answer: problems in plain language (errors, then warnings: `severity: 'warning'`), and the
 * parsed flow when the document has the right shape. `valid` when there is no error.
 */
export interface FlowValidation {
  valid: boolean;
  problems: RulesProblem[];
  flow: Flow | null;
}

const fieldWords: Record<string, string> = {
  name: 'name',
  nodes: 'steps',
  edges: 'connections',
  position: 'position on the canvas',
  type: 'step type',
  channel: 'channel',
  recipient: 'recipient',
  template: 'template',
  events: 'starting events',
  check: 'check',
  relativeTo: 'moment it counts from',
  direction: 'before/after',
  amount: 'amount of time',
  unit: 'unit of time',
  atLocalTime: 'time of day',
  timeout: 'reply time-out',
  url: 'web address',
  smsName: 'SMS sender name (at most 11 characters)',
  confirmation: 'confirmation status',
  source: 'start of the connection',
  target: 'end of the connection',
};

function at(value: unknown, key: PropertyKey): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<PropertyKey, unknown>)[key]
    : undefined;
}

/** Turns a schema issue into a sentence about the step it concerns. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): RulesProblem {
  const path = issue.path.map(String).join('.');
  const isStep = issue.path[0] === 'nodes' && typeof issue.path[1] === 'number';
  const rawNode = isStep ? at(at(input, 'nodes'), issue.path[1]) : undefined;
  const rawId = at(rawNode, 'id');
  const nodeId = typeof rawId === 'string' ? rawId : null;
  const field = [...issue.path].reverse().find((part) => typeof part === 'string' && part in fieldWords) as
    string | undefined;
  const what = field ? fieldWords[field] : String(issue.path[issue.path.length - 1] ?? 'document');
  let value: unknown = input;
  for (const part of issue.path) value = at(value, part);
  const owner =
    isStep && issue.path.length > 2
      ? stepName((rawNode ?? {}) as object)
      : isStep
        ? `Step ${issue.path[1] as number}`
        : 'The flow';
  if (issue.path.length === 0)
    return {
      nodeId: null,
      path,
      message: 'This is not a flow: it needs a name, steps and connections',
      code: 'not-a-flow',
    };
  if (isStep && issue.path[2] === 'type' && issue.code === 'invalid_union') {
    return {
      nodeId,
      path,
      message: `${owner} has an unknown step type`,
      code: 'unknown-step-type',
      params: { step: nodeId ?? '' },
    };
  }
  const params = { step: nodeId ?? '', field: field ?? what };
  if (value === undefined)
    return { nodeId, path, message: `${owner}: the ${what} is missing`, code: 'field-missing', params };
  if (issue.code === 'too_big' && field === 'smsName')
    return {
      nodeId,
      path,
      message: `${owner}: the SMS sender name has more than 11 characters`,
      code: 'sms-name-too-long',
      params,
    };
  return {
    nodeId,
    path,
    message: `${owner}: the ${what} is not valid (${issue.message})`,
    code: 'field-invalid',
    params: { ...params, detail: issue.message },
  };
}

/** Validates any JSON as a flow: returns every problem as `{ nodeId, path, message }`; never throws. */
export function validateFlow(input: unknown, options: FlowValidationOptions = {}): FlowValidation {
  try {
    const parsed = flowSchema.safeParse(input);
    if (!parsed.success) {
      return {
        valid: false,
        problems: parsed.error.issues.slice(0, 100).map((issue) => describeIssue(issue, input)),
        flow: null,
      };
    }
    const flow = parsed.data;
    const trigger = flow.nodes.find((node) => node.type === 'trigger');
    const events = trigger?.type === 'trigger' ? trigger.data.events : [];
    const defaultLanguage = options.defaultLanguage ?? flow.settings?.defaultLanguage ?? null;
    const errors = [
      ...graphProblems(flow),
      ...dailyTriggerProblems(flow),
      ...nodeProblems(flow, { events, defaultLanguage, replyRoute: options.replyRoute }),
    ];
    // warnings come last and never make the flow invalid
    return { valid: errors.length === 0, problems: [...errors, ...flowWarnings(flow)], flow };
  } catch (error) {
    return {
      valid: false,
      problems: [
        {
          nodeId: null,
          path: '',
          message: `The flow could not be read (${error instanceof Error ? error.message : String(error)})`,
        },
      ],
      flow: null,
    };
  }
}
