import type { ConditionCheck, FlowNode, SendData } from '@clinicflow/rules';
import { channelLabel } from '../../../i18n/channelWords';
import type { Messages } from '../../../i18n/messages';
import { formatMessage } from './formatMessage';
import { durationWords, stepWords } from './stepWords';

const list = (t: Messages, words: string[]) => words.join(t.summaryOr);

/** The name of a service, practitioner or saved template a step refers to by id, when it is known. */
export type StepNames = (kind: 'service' | 'resource' | 'template', id: string) => string | undefined;

/** No names known: steps show the ids they store. */
export const noStepNames: StepNames = () => undefined;

function conditionSummary(t: Messages, check: ConditionCheck, names: StepNames): string {
  const template = t[stepWords.condition[check.kind]];
  switch (check.kind) {
    case 'has-consent':
    case 'channel-enabled':
      return formatMessage(template, { channel: channelLabel(t, check.channel) });
    case 'appointment-status':
      return formatMessage(template, {
        statuses: list(
          t,
          check.statuses.map((status) => t[stepWords.status[status]]),
        ),
      });
    case 'lead-time-at-least':
      return formatMessage(template, { hours: check.hours });
    case 'service-in':
      return formatMessage(template, {
        list: list(
          t,
          check.serviceIds.map((id) => names('service', id) ?? id),
        ),
      });
    case 'resource-in':
      return formatMessage(template, {
        list: list(
          t,
          check.resourceIds.map((id) => names('resource', id) ?? id),
        ),
      });
    case 'weekday-in':
      return formatMessage(template, {
        days: check.weekdays.map((day) => t[stepWords.weekday[day]]).join(', '),
      });
    case 'patient-age':
      return formatMessage(template, { min: check.min ?? 0, max: check.max ?? '∞' });
    default:
      return template;
  }
}

/** What a message step is called on its card: its label, its saved template, or the start of its text. */
function messageTitle(t: Messages, data: SendData, names: StepNames): string {
  if (data.label) return data.label;
  if (data.template.templateId)
    return names('template', data.template.templateId) ?? data.template.templateId;
  // an e-mail's subject may be written before its text: a language without `body` has no text yet
  const text = Object.values(data.template.byLanguage ?? {}).find((part) => (part.body ?? '').trim() !== '');
  if (text) {
    const words = (text.subject?.trim() || text.body.trim()).replace(/\s+/g, ' ');
    return words.length > 40 ? `${words.slice(0, 39)}…` : words;
  }
  return t.summaryNoTemplate;
}

/**
 * One line, in the clinic's words, of what a step does: "Wait until 24 h before the appointment"; `names`
 * turns the ids a step stores (services, practitioners, templates) into their names.
 */
export function summarizeStep(node: FlowNode, t: Messages, names: StepNames = noStepNames): string {
  switch (node.type) {
    case 'trigger':
      if (node.data.events.includes('schedule.daily') && node.data.dailyAt)
        return formatMessage(t.summaryDaily, { time: node.data.dailyAt });
      return formatMessage(t.summaryTrigger, {
        events: list(
          t,
          node.data.events.map((event) => t[stepWords.event[event]]),
        ),
      });
    case 'condition':
      return conditionSummary(t, node.data.check, names);
    case 'wait': {
      const data = node.data;
      const anchor = t[stepWords.anchor[data.relativeTo]];
      let line: string;
      if (data.useServiceRecallInterval) line = formatMessage(t.summaryWaitRecall, { anchor });
      else if (data.relativeTo === 'previous-step')
        line = formatMessage(t.summaryWaitFor, { duration: durationWords(t, data) });
      else
        line = formatMessage(t.summaryWaitUntil, {
          duration: durationWords(t, data),
          direction: data.direction === 'before' ? t.directionBefore : t.directionAfter,
          anchor,
        });
      return data.atLocalTime
        ? formatMessage(t.summaryAtTime, { summary: line, time: data.atLocalTime })
        : line;
    }
    case 'send':
      return formatMessage(t.summarySend, {
        channel: channelLabel(t, node.data.channel),
        recipient: t[stepWords.toRecipient[node.data.recipient.type]],
        title: messageTitle(t, node.data, names),
      });
    case 'ask':
      return formatMessage(t.summaryAsk, {
        channel: channelLabel(t, node.data.channel),
        recipient: t[stepWords.toRecipient[node.data.recipient.type]],
        title: messageTitle(t, node.data, names),
        duration: durationWords(t, node.data.timeout),
      });
    case 'reach':
      return node.data.rungs
        .map((rung) =>
          formatMessage(t.summaryReachAttempt, {
            channel: channelLabel(t, rung.channel),
            goal: t[stepWords.goal[rung.until]],
            duration: durationWords(t, rung.within),
          }),
        )
        .join(' → ');
    case 'update':
      return t[stepWords.confirmation[node.data.confirmation]];
    case 'webhook': {
      let host = node.data.url;
      try {
        host = new URL(node.data.url).host;
      } catch {
        // an unfinished address is shown as typed
      }
      return formatMessage(t.summaryWebhook, { url: host });
    }
    case 'end':
      return t.summaryEnd;
  }
}
