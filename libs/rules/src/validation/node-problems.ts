import {
  eventHasAppointment,
  fieldsForEvents,
  templateFieldCatalogue,
  templateFieldsForEvents,
} from '../context/context-field-catalogue';
import { templateVariables } from '../context/template-variables';
import type { RulesProblem } from '../errors/rules-error';
import type { RulesProblemCode, RulesProblemParams } from './problem-code';
import type { ConditionKind } from '../flow/condition-node.schema';
import type { FlowNode, FlowNodeOf } from '../flow/flow-node.schema';
import type { Flow } from '../flow/flow.schema';
import type { TriggerEvent } from '../flow/flow-parts.schema';
import { replyRouteMessage, type ReplyRouteCheck } from './reply-route';
import { nameOf } from './step-name';

/** What the node checks need to know about the flow and the clinic. */
export interface NodeCheckScope {
  events: readonly TriggerEvent[];
  defaultLanguage: string | null;
  /** Whether a question's answer can come back, as the clinic is set up; absent: not checked. */
  replyRoute?: ReplyRouteCheck;
}

const appointmentConditions: ReadonlySet<ConditionKind> = new Set<ConditionKind>([
  'booked-online',
  'appointment-status',
  'appointment-confirmed',
  'lead-time-at-least',
  'service-in',
  'resource-in',
]);

const eventWords = (events: readonly TriggerEvent[]): string =>
  events.map((e) => e.replace(/[._]/g, ' ')).join(' / ');

/** The data paths a JSON Logic expression reads (`{"var": "patient.language"}`). */
export function expressionVariables(logic: unknown, found: string[] = [], depth = 0): string[] {
  if (depth > 50 || logic === null || typeof logic !== 'object') return found;
  if (Array.isArray(logic)) {
    logic.forEach((item) => expressionVariables(item, found, depth + 1));
    return found;
  }
  for (const [operator, argument] of Object.entries(logic)) {
    if (operator === 'var') {
      const path = Array.isArray(argument) ? argument[0] : argument;
      if (typeof path === 'string' && path.length > 0) found.push(path);
    } else {
      expressionVariables(argument, found, depth + 1);
    }
  }
  return found;
}

/** Whether a path is a known field, or an object holding known fields. */
function knownPath(path: string, known: readonly string[]): boolean {
  return known.some((field) => field === path || field.startsWith(`${path}.`));
}

/** Whether an expression may read a path: a known field, or `now` (expressions only; messages have no `now`). */
const readablePath = (path: string, known: readonly string[]): boolean =>
  path === 'now' || knownPath(path, known);

/** The paths a condition may read and the (fewer) paths a message may show, in flows started by some events. */
interface KnownFields {
  read: readonly string[];
  shown: readonly string[];
}

/** Whether some flow's messages may show this path (the delay of a late practitioner, say). */
const shownSomewhere = (path: string): boolean => templateFieldCatalogue.some((field) => field.path === path);

/** Why a template may not use a variable: it does not exist, or it is for conditions only. */
function templateVariableProblem(
  name: string,
  path: string,
  known: KnownFields,
  scope: NodeCheckScope,
): { message: string; code: RulesProblemCode } {
  return readablePath(path, known.read) && !shownSomewhere(path)
    ? {
        message: `${name} uses {{${path}}}, which conditions may read but a message may not show`,
        code: 'variable-not-shown',
      }
    : {
        message: `${name} uses {{${path}}}, which does not exist in flows started by ${eventWords(scope.events)}`,
        code: 'variable-unknown',
      };
}

function messageProblems(
  node: FlowNodeOf<'send'> | FlowNodeOf<'ask'>,
  path: string,
  scope: NodeCheckScope,
  known: KnownFields,
): RulesProblem[] {
  const problems: RulesProblem[] = [];
  const add = (where: string, message: string, code: RulesProblemCode, params: RulesProblemParams = {}) =>
    problems.push({
      nodeId: node.id,
      path: `${path}.data.${where}`,
      message,
      code,
      params: { step: node.id, ...params },
    });
  const data = node.data;
  const name = nameOf(node);
  const texts = Object.entries(data.template.byLanguage ?? {});
  if (!data.template.templateId && texts.length === 0)
    add('template', `${name} has no template`, 'template-missing');
  if (texts.length > 0 && scope.defaultLanguage && !data.template.byLanguage?.[scope.defaultLanguage]) {
    add(
      'template.byLanguage',
      `${name} has no template in the clinic's language (${scope.defaultLanguage})`,
      'template-missing-language',
      { language: scope.defaultLanguage },
    );
  }
  for (const [language, text] of texts) {
    if (text.body.trim() === '')
      add(`template.byLanguage.${language}.body`, `${name}: the ${language} text is empty`, 'text-empty', {
        language,
      });
    if (data.channel === 'email' && !text.subject?.trim())
      add(
        `template.byLanguage.${language}.subject`,
        `${name}: the ${language} e-mail has no subject`,
        'subject-missing',
        { language },
      );
    for (const part of ['subject', 'body'] as const) {
      for (const variable of templateVariables(text[part] ?? '')) {
        if (variable.path.startsWith('links.') && data.recipient.type !== 'patient') {
          // the patient's own links: a practitioner or another address must not get them
          add(
            `template.byLanguage.${language}.${part}`,
            `${name} uses {{${variable.path}}}, the patient's own link: only a message to the patient may show it`,
            'variable-patient-only',
            { variable: variable.path, language },
          );
        } else if (!knownPath(variable.path, known.shown)) {
          const problem = templateVariableProblem(name, variable.path, known, scope);
          add(`template.byLanguage.${language}.${part}`, problem.message, problem.code, {
            variable: variable.path,
            language,
            events: scope.events.join(','),
          });
        }
      }
    }
  }
  if (data.recipient.type === 'custom' && !data.recipient.address)
    add(
      'recipient.address',
      `${name}: give the number or address of the custom recipient`,
      'custom-recipient-missing',
    );
  if (node.type === 'ask' && data.recipient.type !== 'patient')
    add('recipient', `${name}: only the patient can be asked a question`, 'question-to-patient-only');
  const noRoute = node.type === 'ask' ? scope.replyRoute?.(data.channel, data.sender) : null;
  if (noRoute)
    add(
      noRoute.stepSender ? 'sender.smsName' : 'channel',
      replyRouteMessage(name, noRoute),
      'question-cannot-be-answered',
      {
        channel: data.channel,
        gap: noRoute.gap,
        ...(noRoute.sender ? { sender: noRoute.sender } : {}),
        ...(noRoute.stepSender ? { stepSender: 'true' } : {}),
      },
    );
  const hasAppointment = scope.events.every(eventHasAppointment);
  if (data.purpose === 'reminder' && !hasAppointment)
    add(
      'purpose',
      `${name} is a reminder, but flows started by ${eventWords(scope.events)} have no appointment`,
      'needs-appointment',
      { what: 'reminder', events: scope.events.join(',') },
    );
  return problems;
}

/** Rules of each step's content: templates, variables, waits and conditions that need an appointment. */
export function nodeProblems(flow: Flow, scope: NodeCheckScope): RulesProblem[] {
  const problems: RulesProblem[] = [];
  const known: KnownFields = {
    read: fieldsForEvents(scope.events).map((field) => field.path),
    shown: templateFieldsForEvents(scope.events).map((field) => field.path),
  };
  const hasAppointment = scope.events.length > 0 && scope.events.every(eventHasAppointment);
  const noAppointment = (node: FlowNode, path: string, what: string) =>
    problems.push({
      nodeId: node.id,
      path,
      message: `${nameOf(node)} ${what}, but flows started by ${eventWords(scope.events)} have no appointment`,
      code: 'needs-appointment',
      params: { step: node.id, what: node.type, events: scope.events.join(',') },
    });
  flow.nodes.forEach((node, i) => {
    const path = `nodes.${i}`;
    switch (node.type) {
      case 'wait':
        if (
          !hasAppointment &&
          (node.data.relativeTo === 'appointment-start' || node.data.relativeTo === 'appointment-end')
        ) {
          noAppointment(node, `${path}.data.relativeTo`, 'counts from the appointment');
        }
        if (node.data.atLocalTime && (node.data.unit === 'minutes' || node.data.unit === 'hours')) {
          problems.push({
            nodeId: node.id,
            path: `${path}.data.atLocalTime`,
            message: `${nameOf(node)}: a time of day only goes with days, weeks or months`,
            code: 'time-of-day-needs-days',
            params: { step: node.id },
          });
        }
        break;
      case 'condition':
        if (!hasAppointment && appointmentConditions.has(node.data.check.kind))
          noAppointment(node, `${path}.data.check`, 'looks at the appointment');
        if (node.data.check.kind === 'expression') {
          for (const variable of expressionVariables(node.data.check.logic)) {
            if (!readablePath(variable, known.read)) {
              problems.push({
                nodeId: node.id,
                path: `${path}.data.check.logic`,
                message: `${nameOf(node)} reads "${variable}", which does not exist in flows started by ${eventWords(scope.events)}`,
                code: 'unknown-variable',
                params: { step: node.id, variable, events: scope.events.join(',') },
              });
            }
          }
        }
        if (
          node.data.check.kind === 'patient-age' &&
          node.data.check.min !== undefined &&
          node.data.check.max !== undefined &&
          node.data.check.min > node.data.check.max
        ) {
          problems.push({
            nodeId: node.id,
            path: `${path}.data.check`,
            message: `${nameOf(node)}: the minimum age is above the maximum`,
            code: 'age-range',
            params: { step: node.id },
          });
        }
        break;
      case 'update':
        if (!hasAppointment) noAppointment(node, `${path}.data`, 'updates the appointment');
        break;
      case 'send':
      case 'ask':
        problems.push(...messageProblems(node, path, scope, known));
        break;
      case 'reach':
        // Each rung is a message to the patient, checked as a send step of its own, its problems at its place.
        node.data.rungs.forEach((rung, index) => {
          const asSend: FlowNodeOf<'send'> = {
            ...node,
            type: 'send',
            data: {
              ...node.data,
              channel: rung.channel,
              recipient: { type: 'patient' },
              template: rung.template,
            },
          };
          const rungPath = `${path}.data.rungs.${index}`;
          for (const problem of messageProblems(asSend, path, scope, known))
            problems.push({ ...problem, path: problem.path.replace(`${path}.data`, rungPath) });
        });
        break;
    }
  });
  return problems;
}
