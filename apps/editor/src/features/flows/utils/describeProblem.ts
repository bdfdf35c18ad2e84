import type { Flow, RulesProblem, RulesProblemCode, TriggerEvent } from '@clinicflow/rules';
import { languageLabel } from '../../../i18n/languageWords';
import type { Messages } from '../../../i18n/messages';
import { formatMessage } from './formatMessage';
import { exitWords, stepWords } from './stepWords';
import { noStepNames, summarizeStep, type StepNames } from './summarizeStep';

/** Names a step of this flow as its card does, for describeProblem. */
export function stepNamer(
  flow: Flow,
  t: Messages,
  names: StepNames = noStepNames,
): (nodeId: string) => string | undefined {
  const byId = new Map(flow.nodes.map((node) => [node.id, node]));
  return (nodeId) => {
    const node = byId.get(nodeId);
    return node ? summarizeStep(node, t, names) : undefined;
  };
}

type ProblemKey = keyof Messages & `problem${string}`;

const problemKeys: Record<
  Exclude<RulesProblemCode, 'needs-appointment' | 'question-cannot-be-answered'>,
  ProblemKey
> = {
  'not-a-flow': 'problemNotAFlow',
  'unknown-step-type': 'problemUnknownStepType',
  'field-missing': 'problemFieldMissing',
  'field-invalid': 'problemFieldInvalid',
  'sms-name-too-long': 'problemSmsNameTooLong',
  'duplicate-step-id': 'problemDuplicateStepId',
  'no-trigger': 'problemNoTrigger',
  'second-trigger': 'problemSecondTrigger',
  'duplicate-connection-id': 'problemDuplicateConnectionId',
  'connection-to-nowhere': 'problemConnectionToNowhere',
  'end-has-exit': 'problemEndHasExit',
  'unknown-exit': 'problemUnknownExit',
  'back-to-trigger': 'problemBackToTrigger',
  'exit-used-twice': 'problemExitUsedTwice',
  'exit-unconnected': 'problemExitUnconnected',
  unreachable: 'problemUnreachable',
  loop: 'problemLoop',
  'time-of-day-needs-days': 'problemTimeOfDayNeedsDays',
  'unknown-variable': 'problemUnknownVariable',
  'age-range': 'problemAgeRange',
  'template-missing': 'problemTemplateMissing',
  'template-missing-language': 'problemTemplateMissingLanguage',
  'text-empty': 'problemTextEmpty',
  'subject-missing': 'problemSubjectMissing',
  'variable-not-shown': 'problemVariableNotShown',
  'variable-unknown': 'problemVariableUnknown',
  'custom-recipient-missing': 'problemCustomRecipientMissing',
  'question-to-patient-only': 'problemQuestionToPatientOnly',
  'variable-patient-only': 'problemVariablePatientOnly',
  'reschedule-not-followed': 'problemRescheduleNotFollowed',
  'daily-time-missing': 'problemDailyTimeMissing',
  'daily-with-other-events': 'problemDailyWithOtherEvents',
  'daily-no-patient': 'problemDailyNoPatient',
};

// "needs an appointment" reads differently for each kind of step that needs one
const needsAppointmentKeys: Record<string, ProblemKey> = {
  wait: 'problemNeedsAppointmentWait',
  condition: 'problemNeedsAppointmentCondition',
  update: 'problemNeedsAppointmentUpdate',
  reminder: 'problemNeedsAppointmentReminder',
};

// a question whose answer cannot come back: the fix depends on what is missing (F4)
const replyRouteKeys: Record<string, ProblemKey> = {
  'sms-sender-name': 'problemReplySmsSenderName',
  'voice-keypress': 'problemReplyVoiceKeypress',
  'email-inbound': 'problemReplyEmailInbound',
};

/**
 * A validator problem in the interface's language, naming steps as their cards do ("SMS to patient: …")
 * rather than by their ids. Problems without a known code keep the validator's English words.
 */
export function describeProblem(
  problem: Pick<RulesProblem, 'message' | 'code' | 'params'> & { path?: string },
  t: Messages,
  nameStep: (nodeId: string) => string | undefined,
): string {
  const code = problem.code;
  const key =
    code === 'needs-appointment'
      ? needsAppointmentKeys[problem.params?.what ?? '']
      : code === 'question-cannot-be-answered'
        ? problem.params?.stepSender
          ? 'problemReplyStepSenderName'
          : replyRouteKeys[problem.params?.gap ?? '']
        : code
          ? problemKeys[code]
          : undefined;
  if (!key) return problem.message;
  const params = problem.params ?? {};
  const stepName = params.step ? nameStep(params.step) : undefined;
  // a problem of one attempt of "Reach the patient" (its message) says which attempt
  const rung = /\.data\.rungs\.(\d+)(\.|$)/.exec(problem.path ?? '');
  const quoted = `“${stepName ?? params.step ?? ''}”`;
  const events = (params.events ?? '')
    .split(',')
    .filter(Boolean)
    .map((event) => {
      const words = stepWords.event[event as TriggerEvent];
      return words ? t[words].toLowerCase() : event;
    });
  return formatMessage(t[key], {
    ...params,
    step: rung ? formatMessage(t.reachAttemptOfStep, { step: quoted, n: Number(rung[1]) + 1 }) : quoted,
    exit: params.exit ? exitWords(t, params.exit) : '',
    events: events.join(' / '),
    language: params.language ? languageInSentence(t, params.language) : '',
    // a message shows {{variables}}; a condition reads plain paths
    variable:
      params.variable && code !== 'unknown-variable' ? `{{${params.variable}}}` : (params.variable ?? ''),
  });
}

/** A language inside a sentence ("… in french"); a code the interface has no word for stays as written. */
function languageInSentence(t: Messages, code: string): string {
  const word = languageLabel(t, code);
  return word === code ? code : word.toLowerCase();
}
