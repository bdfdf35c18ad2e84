/** Public surface of @clinicflow/rules: the flow language, its validator, the evaluator and the simulator. */
export { RulesErrorCode, rulesErrorMessage } from './errors/rules-error-code';
export { RulesError, isRulesError, type RulesProblem } from './errors/rules-error';
export { isBlockingProblem, type RulesProblemSeverity } from './errors/rules-error';
export type { RulesProblemCode, RulesProblemParams } from './validation/problem-code';

export * from './flow/flow-parts.schema';
export * from './flow/trigger-node.schema';
export * from './flow/condition-node.schema';
export * from './flow/wait-node.schema';
export * from './flow/send-node.schema';
export * from './flow/ask-node.schema';
export * from './flow/reach-node.schema';
export * from './flow/update-node.schema';
export * from './flow/webhook-node.schema';
export * from './flow/end-node.schema';
export * from './flow/flow-node.schema';
export * from './flow/flow-edge.schema';
export * from './flow/flow.schema';
export { nodeExits, branchingNodeTypes, edgeExit } from './flow/node-exits';
export { diffFlows, sameJson, type DiffableFlow, type FlowDiff } from './flow/diff-flows';

export * from './context/evaluation-context.schema';
export * from './context/context-field-catalogue';
export { templateVariables, type TemplateVariable } from './context/template-variables';
export { sampleContext } from './context/sample-context';
export { applyChannelToggles, type ChannelSwitches, type ChannelToggles } from './context/channel-toggles';

export { validateFlow, type FlowValidation, type FlowValidationOptions } from './validation/validate-flow';
export { expressionVariables } from './validation/node-problems';
export { connectionProblem, type ProposedConnection } from './validation/connection-problem';
export {
  replyRouteMessage,
  type ReplyRouteCheck,
  type ReplyRouteGap,
  type ReplyRouteProblem,
} from './validation/reply-route';

export { evaluate } from './evaluation/evaluate';
export { triggerMismatch } from './evaluation/trigger-mismatch';
export type * from './evaluation/evaluation.types';
export { SkipReasonCode } from './evaluation/skip-reason-code';
export {
  REASON_CODES,
  reasonOf,
  isReason,
  type Reason,
  type ReasonCode,
  type ReasonParams,
} from './evaluation/reason';
export { consentGate } from './evaluation/channel-gates';
export { channelAllowed, hasConsent, channelName, type Gate } from './evaluation/channel-gates';
export { CONSENT_PURPOSE_OF } from './evaluation/channel-gates';
export { addressFieldOf, messageKeyOf, rungKeyOf } from './evaluation/plan-delivery';
export { checkCondition, patientReliability, type ConditionAnswer } from './evaluation/check-condition';
export {
  readReply,
  normaliseReply,
  askKeywords,
  KEYPAD_REPLIES,
  type ReplyMeaning,
} from './replies/read-reply';
export {
  replyWords,
  wordsOf,
  replyWordsIn,
  isReplyLanguage,
  REPLY_LANGUAGES,
  type ReplyLanguage,
  type ReplyIntent,
} from './replies/reply-words';
export { templateData } from './evaluation/template-data';

export { simulate, type SimulationOptions } from './simulation/simulate';
export {
  simulationRequestSchema,
  simulatedChangeSchema,
  simulatedReceiptSchema,
  RECEIPT_STATUSES,
  type SimulationRequest,
  type SimulatedChange,
  type SimulatedReceipt,
} from './simulation/simulation-request.schema';
export type { TimelineEntry, SimulationResult } from './simulation/timeline-entry';
export { renderPlainText, type RenderText, type RenderTextInput } from './simulation/render-text';

export {
  parseInstant,
  toUtcIso,
  toLocalIso,
  shiftMoment,
  atLocalTimeOfDay,
  isKnownTimeZone,
  isElapsedUnit,
} from './time/clinic-time';
export { quietHoursCalendar, type QuietHoursCalendar } from './quiet-hours/quiet-hours-calendar';
export { describeQuietCause, type QuietCause } from './quiet-hours/quiet-hours-calendar';
export {
  placeInAllowedHours,
  type Placement,
  type PlacementBounds,
} from './quiet-hours/place-in-allowed-hours';

export { starterFlows } from './starter-flows/starter-flows';
export type { StarterFlow } from './starter-flows/starter-flow';
export { bookingConfirmationFlow } from './starter-flows/booking-confirmation.flow';
export { rescheduleNoticeFlow, cancellationNoticeFlow } from './starter-flows/appointment-change-notice.flow';
export { remindersFlow } from './starter-flows/reminders.flow';
export { opusRemindersFlow } from './starter-flows/opus-reminders.flow';
export { unreliableSecondReminderFlow } from './starter-flows/unreliable-second-reminder.flow';
export { thankYouFlow } from './starter-flows/thank-you.flow';
export { recallFlow } from './starter-flows/recall.flow';
export { resourceAlertFlow } from './starter-flows/resource-alert.flow';
export { staffNoticeFlow } from './starter-flows/staff-notice.flow';
export { practitionerDayListFlow } from './starter-flows/practitioner-day-list.flow';
export { dailyMoment, dayAfter, dueDailyFiring, localDayOf, type LocalDay } from './time/daily-moment';
export { recallMonthsOf } from './evaluation/wait-moment';
