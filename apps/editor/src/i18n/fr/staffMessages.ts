import type { staffMessages as english } from '../en/staffMessages';

/** The strings of staff's actions in French (same keys as ../en/staffMessages.ts). */
export const staffMessages: Record<keyof typeof english, string> = {
  sendWhen: 'Quand',
  sendWhenNow: 'Maintenant',
  sendWhenLater: 'Plus tard',
  sendAt: 'Envoyer le ({zone})',
  sendAtHint: 'Date et heure au cabinet ({zone})',
  sendAtPast: 'Choisissez un moment à venir',
  sendSchedule: 'Programmer',
  sendPlanned: 'Message à {to} prévu le {at} ({status}) ; il apparaît dans le rapport.',

  patientSearchPlaceholder: 'Nom, mobile ou e-mail',
  patientSearchNone: 'Aucun patient ne correspond',
  patientSearchMore: 'Les {count} premiers patients sur {total} : précisez la recherche',
  patientSearchFailed: 'Les patients n’ont pas pu être chargés : {reason}',
  patientsChosen: '{count} choisi(s)',
  patientRemove: 'Retirer {name}',

  navPractitioners: 'Praticiens',
  practitionersTitle: 'Praticiens',
  practitionersIntro:
    'Prévenez les patients quand un praticien a du retard ou est absent : les flux qui démarrent sur « praticien en retard » ou « praticien absent » les informent aussitôt.',
  practitionersList: 'Les praticiens du cabinet',
  practitionersNone: 'Le cabinet n’a pas encore de praticien.',
  practitionerLate: 'En retard',
  practitionerLateOf: '{name} a du retard',
  practitionerAbsent: 'Absent',
  practitionerAbsentOf: '{name} est absent',
  lateMinutes: 'Minutes de retard',
  lateHint: 'Chaque patient de {name} encore attendu aujourd’hui est prévenu.',
  absentFrom: 'Premier jour',
  absentTo: 'Dernier jour',
  absentHint: 'Chaque patient de {name} ayant un rendez-vous à venir ces jours-là est prévenu.',
  absentToBeforeFrom: 'Le dernier jour ne peut pas précéder le premier',
  alertSend: 'Prévenir les patients',
  alertReached: '{count} rendez-vous concernés : leurs patients sont prévenus.',
  alertNoFlow:
    'Aucun flux publié et activé ne démarre sur cet événement, personne n’a été prévenu : publiez et activez un flux comme « Praticien en retard ou absent ».',
  alertAlready: 'C’était déjà enregistré : les patients ont été prévenus la première fois.',
  alertLater: 'Enregistré : les patients sont prévenus dans un instant.',

  manualRunOpen: 'Lancer pour des patients',
  manualRunTitle: 'Lancer « {flow} » pour des patients',
  manualRunIntro:
    'La version {version} s’exécute une fois pour chaque patient choisi, comme si elle venait de démarrer pour lui.',
  manualRunNotReady:
    'Publiez le flux avec le déclencheur « manuel » et activez-le pour le lancer pour des patients.',
  manualRunPatients: 'Patients',
  manualRunStart: 'Lancer pour {count} patient(s)',
  manualRunStarted: 'Ce qui a démarré',
  manualRunAlready: 'déjà lancé par cette demande',
  runStatusStarting: 'au démarrage',
  runStatusWaiting: 'en attente',
  runStatusAwaitingReply: 'attend une réponse',
  runStatusEnded: 'terminé',
  runStatusCancelled: 'annulé',
  runStatusNone: 'non démarré',

  problemRescheduleNotFollowed:
    '{step} démarre quand un rendez-vous est pris mais pas quand il est déplacé, et il attend le rendez-vous : si le rendez-vous bouge, ses messages sont annulés et pas reprogrammés. Ajoutez « rendez-vous déplacé » au déclencheur.',
  warningsCount: '{count} à vérifier',
  flowWarningsTitle: 'À vérifier',
  stepWarnings: 'À vérifier sur cette étape',
  publishWarnings: 'À vérifier (cela ne bloque pas la publication)',

  fieldExpiresAfter: 'Ne plus envoyer après',
  fieldExpiresHint: 'Compté depuis le moment où le message est prévu ; vide : il n’expire jamais',
  fieldExpiresUnit: 'Unité de l’expiration',
  fieldTexts: 'Textes par langue',
  languageEs: 'Espagnol',
  languageNb: 'Norvégien',
  languageIt: 'Italien',
  languageDe: 'Allemand',

  settingsOtherPauses: 'Autres pauses de la journée',
  settingsOtherPausesIntro:
    'Des heures sans envoi pendant les heures d’envoi, comme le déjeuner : les messages prévus alors attendent la fin de la pause.',
  settingsPauseName: 'Pause {start}–{end}',
  settingsPauseFrom: 'Pause de',
  settingsPauseUntil: 'Pause jusqu’à',
  settingsPauseRemove: 'Supprimer la pause {start}–{end}',
  settingsPauseAdd: 'Ajouter une pause',
};
