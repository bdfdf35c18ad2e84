/**
 * The validator's problems in the interface's words, per language (keyed by the problem's code through
 * features/flows/utils/describeProblem.ts). {step} is the step as its card names it.
 */
export const problemMessages = {
  en: {
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
  },
  fr: {
    problemNotAFlow: 'Ce n’est pas un scénario : il faut un nom, des étapes et des liens',
    problemUnknownStepType: '{step} a un type d’étape inconnu',
    problemFieldMissing: '{step} : « {field} » manque',
    problemFieldInvalid: '{step} : « {field} » n’est pas valable ({detail})',
    problemSmsNameTooLong: '{step} : le nom d’expéditeur SMS dépasse 11 caractères',
    problemDuplicateStepId: 'Deux étapes ont le même identifiant « {id} »',
    problemNoTrigger: 'Le scénario n’a pas de déclencheur : ajoutez-en un pour dire ce qui le lance',
    problemSecondTrigger: 'Un scénario a un seul déclencheur : supprimez {step}',
    problemDuplicateConnectionId: 'Deux liens de {step} ont le même identifiant',
    problemConnectionToNowhere: 'Un lien de {step} mène à une étape qui n’existe plus',
    problemEndHasExit: '{step} termine le scénario et ne peut mener nulle part',
    problemUnknownExit: '{step} n’a pas de sortie « {exit} »',
    problemBackToTrigger: 'Rien ne peut revenir au déclencheur (depuis {step})',
    problemExitUsedTwice: 'La sortie « {exit} » de {step} mène à deux endroits : gardez-en un',
    problemExitUnconnected:
      'La sortie « {exit} » de {step} ne mène nulle part : reliez-la à une étape ou à une fin',
    problemUnreachable: '{step} ne peut pas être atteinte depuis le déclencheur',
    problemLoop: '{step} revient sur elle-même : les boucles ne sont pas permises',
    problemNeedsAppointmentWait:
      '{step} compte à partir du rendez-vous, mais les scénarios lancés quand {events} n’en ont pas',
    problemNeedsAppointmentCondition:
      '{step} regarde le rendez-vous, mais les scénarios lancés quand {events} n’en ont pas',
    problemNeedsAppointmentUpdate:
      '{step} modifie le rendez-vous, mais les scénarios lancés quand {events} n’en ont pas',
    problemNeedsAppointmentReminder:
      '{step} est un rappel, mais les scénarios lancés quand {events} n’ont pas de rendez-vous',
    problemTimeOfDayNeedsDays: '{step} : une heure précise ne va qu’avec des jours, semaines ou mois',
    problemUnknownVariable: '{step} lit « {variable} », que les scénarios lancés quand {events} n’ont pas',
    problemAgeRange: '{step} : l’âge minimum dépasse l’âge maximum',
    problemTemplateMissing: '{step} n’a pas encore de texte : écrivez-le ou choisissez un modèle',
    problemTemplateMissingLanguage: '{step} n’a pas de texte dans la langue du cabinet ({language})',
    problemTextEmpty: '{step} : le texte en {language} est vide',
    problemSubjectMissing: '{step} : l’e-mail en {language} n’a pas d’objet',
    problemVariableNotShown:
      '{step} utilise {variable}, qu’une condition peut lire mais qu’un message ne peut pas montrer',
    problemVariableUnknown: '{step} utilise {variable}, que les scénarios lancés quand {events} n’ont pas',
    problemCustomRecipientMissing: '{step} : indiquez le numéro ou l’adresse du destinataire',
    problemQuestionToPatientOnly: '{step} : seul le patient peut recevoir une question',
  },
} satisfies Record<'en' | 'fr', Record<string, string>>;
