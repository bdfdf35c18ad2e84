/**
 * The strings of the validator's problems in the interface's words (keyed by the problem's code through
 * features/flows/utils/describeProblem.ts; {step} is the step as its card names it), in English (the French ones
 * are in ../fr/problemMessages.ts; both have the same keys). Read them through useMessages().
 */
export const problemMessages = {
  problemNotAFlow: 'This is not a flow: it needs a name, steps and connections',
  problemUnknownStepType: '{step} has an unknown step type',
  problemFieldMissing: '{step}: “{field}” is missing',
  problemFieldInvalid: '{step}: “{field}” is not valid ({detail})',
  problemSmsNameTooLong: '{step}: the SMS sender name has more than 11 characters',
  problemDuplicateStepId: 'Two steps share the id “{id}”',
  problemNoTrigger: 'The flow has no trigger: add one to say what starts it',
  problemSecondTrigger: 'A flow has exactly one trigger: remove {step}',
  problemDuplicateConnectionId: 'Two connections of {step} share one id',
  problemConnectionToNowhere: 'A connection of {step} points to a step that no longer exists',
  problemEndHasExit: '{step} ends the flow and cannot lead anywhere',
  problemUnknownExit: '{step} has no “{exit}” exit',
  problemBackToTrigger: 'Nothing can lead back to the trigger (from {step})',
  problemExitUsedTwice: 'The “{exit}” exit of {step} goes to two places: keep one',
  problemExitUnconnected: 'The “{exit}” exit of {step} goes nowhere: connect it to a step or to an End',
  problemUnreachable: '{step} cannot be reached from the trigger',
  problemLoop: '{step} leads back to itself: loops are not allowed',
  problemNeedsAppointmentWait:
    '{step} counts from the appointment, but flows that start when {events} have none',
  problemNeedsAppointmentCondition:
    '{step} looks at the appointment, but flows that start when {events} have none',
  problemNeedsAppointmentUpdate:
    '{step} updates the appointment, but flows that start when {events} have none',
  problemNeedsAppointmentReminder:
    '{step} is a reminder, but flows that start when {events} have no appointment',
  problemTimeOfDayNeedsDays: '{step}: a time of day only goes with days, weeks or months',
  problemUnknownVariable: '{step} reads “{variable}”, which flows that start when {events} do not have',
  problemAgeRange: '{step}: the minimum age is above the maximum',
  problemTemplateMissing: '{step} has no text yet: write it or pick a saved template',
  problemTemplateMissingLanguage: '{step} has no text in the clinic’s language ({language})',
  problemTextEmpty: '{step}: the {language} text is empty',
  problemSubjectMissing: '{step}: the {language} e-mail has no subject',
  problemVariableNotShown: '{step} uses {variable}, which conditions may read but a message may not show',
  problemVariableUnknown: '{step} uses {variable}, which flows that start when {events} do not have',
  problemCustomRecipientMissing: '{step}: give the number or address of the recipient',
  problemQuestionToPatientOnly: '{step}: only the patient can be asked a question',
  problemVariablePatientOnly:
    '{step} uses {variable}, the patient’s own link: only a message to the patient may show it',
};
