import type { problemMessages as english } from '../en/problemMessages';

/**
 * The strings of the validator's problems in the interface's words (keyed by the problem's code through
 * features/flows/utils/describeProblem.ts; {step} is the step as its card names it), in French (the English ones
 * are in ../en/problemMessages.ts; both have the same keys). Read them through useMessages().
 */
export const problemMessages = {
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
  problemVariablePatientOnly:
    '{step} utilise {variable}, le lien personnel du patient : seul un message au patient peut le montrer',
} satisfies Record<keyof typeof english, string>;
