import type { outreachMessages as english } from '../en/outreachMessages';

/** The strings of ../en/outreachMessages.ts in French (same keys). */
export const outreachMessages = {
  batchMode: 'Qui',
  batchModeAppointments: 'Patients ayant un rendez-vous',
  batchModePatients: 'Tous les patients joignables',
  batchModePatientsHint:
    'Sans rendez-vous : chaque patient ayant une adresse utilisable sur ce canal et son consentement.',
  batchPatientGroup: 'Groupe de patients',
  batchSpecialty: 'Spécialité',
  batchSpecialtyHint: 'Le groupe de la prestation ou la spécialité du praticien',
  batchNoPatients: 'Aucun patient ne correspond.',
  batchExportList: 'Télécharger la liste (CSV)',
  batchExportTitle: 'Télécharger la liste ?',
  batchExportText:
    'Le fichier contient des données personnelles : noms des patients, numéros de téléphone ou adresses e-mail et heures de leurs rendez-vous. Conservez-le en lieu sûr et supprimez-le après usage.',
  batchExportCancel: 'Annuler',
  batchExportConfirm: 'Télécharger',
  batchExportDone: '{file} téléchargé.',
  batchExportFailed: 'La liste n’a pas pu être téléchargée : {message}',
  eventDaily: 'chaque jour, à une heure',
  fieldDailyAt: 'Chaque jour à (HH:mm, heure du cabinet)',
  fieldDailyAtHint: 'Un message par praticien avec ses rendez-vous du lendemain. Envoyez-le au praticien.',
  summaryDaily: 'Chaque jour à {time}',
  fieldUseRecallInterval: 'Utiliser le délai de rappel du rendez-vous, sinon de sa prestation',
  fieldUseRecallIntervalHint: 'La durée ci-dessus s’applique quand aucun des deux n’en a.',
  problemDailyTimeMissing: '{step} : indiquez l’heure à laquelle il démarre (HH:mm)',
  problemDailyWithOtherEvents:
    '{step} : « chaque jour » lance un scénario à lui seul ; retirez les autres événements',
  problemDailyNoPatient:
    '{step} va au patient, mais une liste du jour concerne la journée d’un praticien : envoyez-la au praticien',
  settingsAdminMobile: 'Portable de l’administrateur du cabinet',
  settingsAdminMobileHint:
    'Les alertes par SMS arrivent ici (celles par e-mail à l’e-mail de l’administrateur).',
  settingsAdminAlerts: 'Alertes à l’administrateur du cabinet',
  settingsAdminAlertsHint:
    'Par e-mail et SMS : un message en échec définitif (au plus une fois par heure), un fournisseur en échec plusieurs fois de suite (au plus une fois par heure), des crédits bientôt épuisés (une fois jusqu’à la prochaine recharge).',
  settingsCreditsBelow: 'Alerter quand les crédits SMS passent sous',
  settingsCreditsBelowHint: 'Laisser vide : pas d’alerte.',
  settingsProviderFailures: 'Alerter après ce nombre d’échecs de suite du fournisseur',
} satisfies Record<keyof typeof english, string>;
